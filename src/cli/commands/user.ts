import { createUser } from '../../lib/server/auth/create-user.ts';
import { generatePassword } from '../../lib/server/auth/generate-password.ts';
import { ZRole } from '../../lib/server/auth/roles.ts';
import { getDatabase } from '../../lib/server/db/instance.ts';
import { parseCommandArgs, type TCommand } from '../command.ts';
import { UsageError } from '../usage-error.ts';
import { userHelp } from './user-help.ts';

export const userCommand: TCommand = async (argv, io) => {
	const args = parseCommandArgs(
		argv,
		{
			email: { type: 'string' },
			name: { type: 'string' },
			role: { type: 'string' },
			admin: { type: 'boolean' },
			organisation: { type: 'string' },
			'password-stdin': { type: 'boolean' }
		},
		userHelp,
		io
	);
	if (!args) return 0;
	const v = args.values;
	if (args.positionals[0] !== 'create' || args.positionals.length > 1)
		throw new UsageError(`give "create"\n${userHelp}`);
	if (!v.email || !v.name) throw new UsageError(`--email and --name are required\n${userHelp}`);
	if (v.admin && v.role && v.role !== 'admin') throw new UsageError('--admin and --role disagree');
	const role = ZRole.safeParse(v.admin ? 'admin' : (v.role ?? 'analyst'));
	if (!role.success) throw new UsageError(`--role must be one of ${ZRole.options.join(', ')}`);
	if (v.organisation && role.data !== 'contact')
		throw new UsageError('--organisation is for --role contact only');

	let password: string;
	const generated = !v['password-stdin'];
	if (generated) {
		password = generatePassword();
	} else {
		// One line: a trailing newline from `echo` or a file is not part of the password.
		password = ((await io.input?.()) ?? '').replace(/\r?\n$/, '');
		if (!password) throw new UsageError('--password-stdin: nothing was read from standard input');
	}
	const { db } = await getDatabase();
	const user = await createUser(
		db,
		{ email: v.email, name: v.name, role: role.data, organisationCode: v.organisation, password },
		'cli'
	);
	io.out(`Created ${user.role} ${user.email}`);
	if (generated) io.out(`Password (shown only this once): ${password}`);
	return 0;
};
