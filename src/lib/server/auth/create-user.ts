import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { TDb, TTx } from '../db/client.ts';
import { organisations, users } from '../db/schema.ts';
import { hashPassword } from './password-hash.ts';
import { type TSessionUser, ZRole } from './roles.ts';

export const PASSWORD_MIN_LENGTH = 12;

export const ZPassword = z
	.string()
	.min(PASSWORD_MIN_LENGTH, {
		message: `The password must be at least ${PASSWORD_MIN_LENGTH} characters long`
	})
	.max(1000, { message: 'The password is too long' });

export const ZNewUser = z
	.object({
		email: z
			.string()
			.trim()
			.toLowerCase()
			.pipe(z.email({ message: 'Give a valid e-mail address' }).max(320)),
		name: z.string().trim().min(1, { message: 'Give a name' }).max(200),
		password: ZPassword,
		role: ZRole,
		/** The unit of an organisation contact: its id, or its official code. */
		organisationId: z.uuid().optional(),
		organisationCode: z.string().trim().min(1).optional()
	})
	.refine((u) => u.role !== 'contact' || u.organisationId || u.organisationCode, {
		message: 'An organisation contact needs an organisation',
		path: ['organisation']
	});
export type CreateUserOptions = z.input<typeof ZNewUser>;

/**
 * Creates a staff account with an argon2id password hash; the e-mail is stored lower case and must be new.
 * Only organisation contacts keep an organisation. `actor` (who creates it) goes to the audit log.
 */
export async function createUser(
	db: TDb | TTx,
	options: CreateUserOptions,
	actor: string
): Promise<TSessionUser> {
	const input = ZNewUser.parse(options);
	const passwordHash = await hashPassword(input.password);
	return db.transaction(async (tx) => insertUser(tx, input, passwordHash, actor));
}

async function insertUser(
	db: TTx,
	input: z.output<typeof ZNewUser>,
	passwordHash: string,
	actor: string
): Promise<TSessionUser> {
	let organisationId: string | null = null;
	if (input.role === 'contact') {
		const [org] = await db
			.select({ id: organisations.id })
			.from(organisations)
			.where(
				input.organisationId
					? eq(organisations.id, input.organisationId)
					: eq(organisations.code, input.organisationCode ?? '')
			);
		if (!org) {
			throw new AppError(
				'NOT_FOUND',
				`No organisation ${input.organisationId ? 'with that id' : `with code "${input.organisationCode}"`}`
			);
		}
		organisationId = org.id;
	}
	const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.email, input.email));
	if (taken)
		throw new AppError('CONFLICT', `An account with the e-mail address ${input.email} already exists`);
	const [row] = await db
		.insert(users)
		.values({
			email: input.email,
			name: input.name,
			role: input.role,
			organisationId,
			passwordHash
		})
		.onConflictDoNothing({ target: users.email })
		.returning();
	// Two creations of the same address at once: the unique index lets one through.
	if (!row)
		throw new AppError('CONFLICT', `An account with the e-mail address ${input.email} already exists`);
	await recordAudit(db, {
		actor,
		action: 'user.create',
		subject: row.email,
		details: { role: row.role, organisationId: row.organisationId }
	});
	return { id: row.id, email: row.email, name: row.name, role: row.role, organisationId: row.organisationId };
}
