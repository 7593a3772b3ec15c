import type { TDb } from '../../lib/server/db/client.ts';
import { getWaveStatus } from '../../lib/server/waves/get-wave-status.ts';
import type { TCommandIo } from '../command.ts';

/** `mognad wave status <slug> [--json]`: invited, started and completed per organisation and role group. */
export async function printWaveStatus(db: TDb, slug: string, json: boolean, io: TCommandIo): Promise<number> {
	const status = await getWaveStatus(db, slug);
	if (json) {
		io.out(JSON.stringify(status, null, 2));
		return 0;
	}
	io.out(status.headline.sv);
	if (!status.hasInvitations) io.out('Open link: nobody is invited, so there is no response rate.');
	const line = (name: string, c: (typeof status)['total']) =>
		`${name}\t${c.invited ?? '-'}\t${c.started}\t${c.completed}\t${c.rate === null ? '-' : `${c.rate} %`}`;
	io.out('organisation\tinvited\tstarted\tcompleted\trate');
	for (const o of status.organisations) io.out(line(o.name ?? '(other)', o));
	io.out(line('total', status.total));
	io.out('');
	io.out('role group\tinvited\tstarted\tcompleted\trate');
	for (const g of status.roleGroups) io.out(line(g.label?.en ?? g.code ?? '(none)', g));
	return 0;
}
