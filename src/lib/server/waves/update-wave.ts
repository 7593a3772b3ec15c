import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { isDeadlineChangeAllowed, WAVE_EDIT_FIELDS, waveEditRules } from '../../core/wave/wave-edit-rules.ts';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { TDb } from '../db/client.ts';
import { waves } from '../db/schema.ts';

export const ZUpdateWave = z.object({
	name: z.string().trim().min(1).max(200),
	period: z.string().trim().max(100).nullable(),
	/** Last day to answer, as a date (YYYY-MM-DD). */
	deadline: z.iso.date().nullable(),
	minGroupSize: z.number().int().min(1).max(1000),
	senderName: z.string().trim().max(200).nullable()
});
export type UpdateWaveOptions = z.input<typeof ZUpdateWave>;

/**
 * Changes a wave's settings within what its status allows (`waveEditRules`), and records what changed.
 * The slug stays, so that links already sent keep working.
 */
export async function updateWave(db: TDb, slug: string, options: UpdateWaveOptions, actor = 'cli') {
	const input = ZUpdateWave.parse(options);
	const next = {
		...input,
		period: input.period || null,
		senderName: input.senderName || null
	};
	return db.transaction(async (tx) => {
		const [current] = await tx.select().from(waves).where(eq(waves.slug, slug)).for('update');
		if (!current) throw new AppError('NOT_FOUND', `No wave with the slug "${slug}"`);
		const rules = waveEditRules(current.status);
		const changed = WAVE_EDIT_FIELDS.filter((field) => next[field] !== current[field]);
		const locked = changed.filter((field) => rules[field] !== null);
		if (locked.length > 0) {
			throw new AppError(
				'CONFLICT',
				`The wave is ${current.status}; ${locked.join(', ')} can no longer change`,
				{
					fields: locked
				}
			);
		}
		if (!isDeadlineChangeAllowed(current.status, current.deadline, next.deadline)) {
			throw new AppError('CONFLICT', 'The deadline of an open wave can only be moved later', {
				fields: ['deadline']
			});
		}
		if (changed.length === 0) return current;
		const [row] = await tx.update(waves).set(next).where(eq(waves.id, current.id)).returning();
		await recordAudit(tx, {
			actor,
			action: 'wave.update',
			subject: slug,
			details: Object.fromEntries(changed.map((field) => [field, { from: current[field], to: next[field] }]))
		});
		return row ?? current;
	});
}
