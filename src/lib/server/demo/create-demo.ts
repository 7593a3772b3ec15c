import { eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { applyDemoNarrative } from '../../core/demo/apply-demo-narrative.ts';
import { demoDataset } from '../../core/demo/demo-dataset.ts';
import { DEMO_REPORT_PUBLISHED_ON } from '../../core/demo/demo-narrative.ts';
import { answerTo, answerToRows } from '../../core/questionnaire/answer.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { TDb } from '../db/client.ts';
import { participants, responses, waves } from '../db/schema.ts';
import { addParticipant } from '../participants/add-participant.ts';
import { getQuestionnaireVersion } from '../questionnaires/get-questionnaire-version.ts';
import { getReportDraft } from '../report/get-report-draft.ts';
import { publishReport } from '../report/publish-report.ts';
import { saveReportDraft } from '../report/save-report-draft.ts';
import { insertResponses } from '../responses/store-responses.ts';
import { createTheme } from '../themes/create-theme.ts';
import { setAnswerMarks } from '../themes/set-answer-marks.ts';
import { tagAnswer } from '../themes/tag-answer.ts';
import { createWave } from '../waves/create-wave.ts';
import { findWaveBySlug } from '../waves/find-wave-by-slug.ts';
import { setWaveStatus } from '../waves/set-wave-status.ts';

export const ZCreateDemo = z.object({
	/** Who asked for it, for the audit log (an e-mail address, or `cli`). */
	actor: z.string().min(1).default('cli')
});
export type CreateDemoOptions = z.input<typeof ZCreateDemo>;

export interface TCreateDemoResult {
	/** False when the demo wave already existed: nothing was changed. */
	created: boolean;
	slug: string;
	name: string;
	invited: number;
	responses: number;
}

// Serialises concurrent demo requests (two clicks, two processes): the second waits and finds the wave.
const DEMO_LOCK = 0x6d6f_6764;

/**
 * Creates the demo wave: Region Norrbotten's 2020 survey of its municipalities (closed, k = 5), its invited
 * managers, 20 complete responses whose figures are the seed report's, the report's themes on the
 * free-text answers, some answers marked quotable, and the report draft with the seed's narrative and those
 * quotes — all in one transaction — and then publishes that report as version 1. Running it again changes
 * nothing and says where the existing wave is.
 */
export async function createDemo(db: TDb, options: CreateDemoOptions = {}): Promise<TCreateDemoResult> {
	const { actor } = ZCreateDemo.parse(options);
	const data = demoDataset();
	const { wave: spec } = data;
	const result: TCreateDemoResult & { revision: number | null } = await db.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(${DEMO_LOCK})`);
		const existing = await findWaveBySlug(tx, spec.slug);
		if (existing) {
			const [counts] = await tx
				.select({
					invited: sql<number>`(select count(*)::int from ${participants} where ${participants.waveId} = ${existing.id})`,
					responses: sql<number>`(select count(*)::int from ${responses} where ${responses.waveId} = ${existing.id})`
				})
				.from(waves)
				.where(eq(waves.id, existing.id));
			return {
				created: false,
				slug: existing.slug,
				name: existing.name,
				invited: Number(counts?.invited ?? 0),
				responses: Number(counts?.responses ?? 0),
				revision: null
			};
		}
		const wave = await createWave(
			tx,
			{
				questionnaireCode: spec.questionnaireCode,
				name: spec.name,
				slug: spec.slug,
				period: spec.period,
				mode: 'invite',
				minGroupSize: spec.minGroupSize,
				deadline: spec.deadline,
				senderName: spec.senderName,
				ownerCode: spec.ownerCode
			},
			actor
		);
		const questionnaire = await getQuestionnaireVersion(tx, wave.questionnaireVersionId);
		const questions = questionnaire.sections.flatMap((s) => s.questions);

		// Invited through the same service as any participant, so units and role groups resolve as usual.
		const invitedAt = new Date(`${spec.openedOn}T08:00:00Z`);
		const participantIdOf = new Map<string, string>();
		for (const invitee of data.invitees) {
			const { id } = await addParticipant(tx, {
				waveSlug: spec.slug,
				organisationCode: invitee.organisationCode,
				title: invitee.title
			});
			if (invitee.respondentKey) participantIdOf.set(invitee.respondentKey, id);
		}
		const invited = await tx
			.select({
				id: participants.id,
				organisationId: participants.organisationId,
				roleGroup: participants.roleGroup
			})
			.from(participants)
			.where(eq(participants.waveId, wave.id));
		const participantOf = new Map(
			[...participantIdOf].map(([key, id]) => [key, invited.find((p) => p.id === id)] as const)
		);
		await tx.update(participants).set({ invitedAt }).where(eq(participants.waveId, wave.id));

		// The answers are stored as an import of the region's 2020 file would store them: complete
		// responses with their original keys (the other tool let a question be left blank).
		const stored = data.respondents.map((respondent) => {
			const participant = participantOf.get(respondent.key);
			if (!participant) throw new Error(`demo respondent ${respondent.key} has no participant`);
			const submittedAt = new Date(`${respondent.submittedOn}T10:00:00Z`);
			const rows = questions.flatMap((q) => {
				const answer = answerTo(respondent.answers, q.code);
				return answer ? answerToRows(q, answer) : [];
			});
			return {
				response: {
					participantId: participant.id,
					organisationId: participant.organisationId,
					role: respondent.title,
					roleGroup: participant.roleGroup,
					lang: 'sv' as const,
					status: 'complete' as const,
					startedAt: submittedAt,
					updatedAt: submittedAt,
					submittedAt,
					importKey: respondent.key
				},
				rows
			};
		});
		const ids = await insertResponses(tx, wave.id, stored);
		const responseOf = new Map(data.respondents.map((r, i) => [r.key, ids[i] ?? ''] as const));
		await tx
			.update(participants)
			.set({ hasCompleted: true })
			.where(
				inArray(
					participants.id,
					stored.flatMap((s) => (s.response.participantId ? [s.response.participantId] : []))
				)
			);

		for (const [questionCode, labels] of Object.entries(data.themes)) {
			const themeOf = new Map<string, string>();
			for (const label of labels) {
				const theme = await createTheme(tx, { waveSlug: spec.slug, questionCode, label });
				themeOf.set(label, theme.id);
			}
			for (const respondent of data.respondents) {
				const given = respondent.themes[questionCode as keyof typeof data.themes] ?? [];
				for (const label of given) {
					await tagAnswer(tx, {
						waveSlug: spec.slug,
						questionCode,
						responseId: responseOf.get(respondent.key) ?? '',
						themeId: themeOf.get(label) ?? ''
					});
				}
			}
		}
		const quotes: Record<string, string[]> = {};
		for (const respondent of data.respondents) {
			for (const questionCode of respondent.quotable) {
				const responseId = responseOf.get(respondent.key) ?? '';
				await setAnswerMarks(tx, { waveSlug: spec.slug, questionCode, responseId, quotable: true, actor });
				quotes[questionCode] = [...(quotes[questionCode] ?? []), responseId];
			}
		}

		await setWaveStatus(tx, spec.slug, 'closed', actor);
		// The fieldwork's own dates, not today's.
		await tx
			.update(waves)
			.set({
				openedAt: invitedAt,
				closedAt: new Date(`${spec.closedOn}T22:00:00Z`)
			})
			.where(eq(waves.id, wave.id));
		// The report: the default report with the demo's narrative and quotes, saved as an analyst's edit.
		const draft = await getReportDraft(tx, spec.slug, 'sv');
		const saved = await saveReportDraft(
			tx,
			{ slug: spec.slug, revision: draft.revision, definition: applyDemoNarrative(draft.definition, quotes) },
			null
		);
		await recordAudit(tx, {
			actor,
			action: 'demo.create',
			subject: spec.slug,
			details: { invited: data.invitees.length, responses: data.respondents.length }
		});
		return {
			created: true,
			slug: spec.slug,
			name: spec.name,
			invited: data.invitees.length,
			responses: data.respondents.length,
			revision: saved.revision
		};
	});
	const { revision, ...outcome } = result;
	if (revision === null) return outcome;
	// Published as version 1 so that the finished document can be downloaded at once. After the commit:
	// resolving a report reads with several queries at once, which needs the pool, not one transaction.
	await publishReport(db, { slug: outcome.slug, revision }, null, DEMO_REPORT_PUBLISHED_ON);
	return outcome;
}
