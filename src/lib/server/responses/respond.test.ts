import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAnswerMap } from '../../core/questionnaire/answer.ts';
import { sectionOf } from '../../core/testing/questionnaires.ts';
import type { TDatabase } from '../db/client.ts';
import { answers, organisations, responses } from '../db/schema.ts';
import { addParticipant } from '../participants/add-participant.ts';
import { allRequiredAnswers as allRequired } from '../testing/answer-questionnaire.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { generateToken, TOKEN_PATTERN } from '../tokens.ts';
import { createWave } from '../waves/create-wave.ts';
import { getWave } from '../waves/get-wave.ts';
import { setWaveStatus } from '../waves/set-wave-status.ts';
import { signOpenStart } from './open-start-pass.ts';
import { resolveRespondent } from './resolve-respondent.ts';
import { saveSection } from './save-section.ts';
import { startOpenResponse } from './start-open-response.ts';
import { submitResponse } from './submit-response.ts';

let database: TDatabase;
const Q = 'digital-mognad-i-kommuner';

beforeAll(async () => {
	database = await createTestDatabase();
	await createWave(database.db, { questionnaireCode: Q, name: 'Inbjudna', slug: 'inbjudna' });
	await setWaveStatus(database.db, 'inbjudna', 'open');
});
afterAll(async () => database.close());

async function respondent(token: string) {
	const r = await resolveRespondent(database.db, token);
	if (!r) throw new Error('unknown token');
	return r;
}

async function save(token: string, sectionCode: string, given: TAnswerMap) {
	const r = await respondent(token);
	return saveSection(database.db, {
		respondent: r,
		section: sectionOf(r.questionnaire, sectionCode),
		answers: given,
		currentSection: sectionCode,
		lang: 'sv'
	});
}

describe('answering by invitation', () => {
	it('does not create a response until the first page is saved', async () => {
		const { token } = await addParticipant(database.db, { waveSlug: 'inbjudna', organisationCode: '2580' });
		const r = await respondent(token);
		expect(r.response).toBeNull();
		expect(r.mode).toBe('invite');
	});

	it('stores a page, replaces it when saved again, and resumes where the respondent was', async () => {
		const { token } = await addParticipant(database.db, {
			waveSlug: 'inbjudna',
			organisationCode: '2580',
			title: 'IT-chef'
		});
		await save(token, 'behov', {
			behov: { kind: 'scale', value: 8 },
			behov_kommentar: { kind: 'text', value: '<b>viktigt</b>' }
		});
		await save(token, 'behov', { behov: { kind: 'scale', value: 7 } });
		const r = await respondent(token);
		expect(r.answers).toEqual({ behov: { kind: 'scale', value: 7 } });
		expect(r.response?.currentSection).toBe('behov');
		expect(r.response?.role).toBe('IT-chef');
	});

	it('stores exactly one response when the first page is saved twice at the same time', async () => {
		const { token } = await addParticipant(database.db, { waveSlug: 'inbjudna', organisationCode: '2581' });
		const r = await respondent(token);
		const section = sectionOf(r.questionnaire, 'behov');
		const given: TAnswerMap = { behov: { kind: 'scale', value: 5 } };
		await Promise.all(
			[1, 2, 3].map(() =>
				saveSection(database.db, {
					respondent: r,
					section,
					answers: given,
					currentSection: 'vision',
					lang: 'sv'
				})
			)
		);
		const rows = await database.db
			.select()
			.from(responses)
			.where(eq(responses.participantId, r.participant?.id ?? ''));
		expect(rows).toHaveLength(1);
	});

	it('refuses to submit while a required question is unanswered', async () => {
		const { token } = await addParticipant(database.db, { waveSlug: 'inbjudna', organisationCode: '2582' });
		await save(token, 'behov', allRequired.behov ?? {});
		const result = await submitResponse(database.db, await respondent(token));
		expect(result).toEqual({
			status: 'incomplete',
			missing: [
				'vision',
				'medborgarbild',
				'beslutskapacitet',
				'it_arv',
				'omvarld',
				'drivande',
				'kultur',
				'kompetens'
			]
		});
	});

	it('submits once, drops answers to questions that ended up hidden, and refuses later changes', async () => {
		const { token } = await addParticipant(database.db, { waveSlug: 'inbjudna', organisationCode: '2583' });
		for (const [code, given] of Object.entries(allRequired)) await save(token, code, given);
		// The follow-up was answered, then the condition changed: it must not count.
		await save(token, 'vision', {
			...allRequired.vision,
			beslutskapacitet: { kind: 'single', option: 'ja' }
		});
		const r = await respondent(token);
		const [first, second] = await Promise.all([
			submitResponse(database.db, r),
			submitResponse(database.db, r)
		]);
		expect([first?.status, second?.status].sort()).toEqual(['already-submitted', 'submitted']);
		const after = await respondent(token);
		expect(after.response?.status).toBe('complete');
		expect(after.answers.beslutskapacitet_varfor).toBeUndefined();
		expect(after.answers.drivande).toEqual({
			kind: 'multi',
			options: ['annat', 'it'].sort(),
			other: 'Skolan'
		});
		await expect(save(token, 'behov', allRequired.behov ?? {})).rejects.toMatchObject({
			code: 'RESPONSE_COMPLETE'
		});
		expect(await submitResponse(database.db, after)).toEqual({ status: 'already-submitted' });
	});

	it('refuses answers when the wave is closed, and counts responses by status', async () => {
		await createWave(database.db, { questionnaireCode: Q, name: 'Stängd', slug: 'stangd' });
		await setWaveStatus(database.db, 'stangd', 'open');
		const { token } = await addParticipant(database.db, { waveSlug: 'stangd', organisationCode: '2584' });
		await save(token, 'behov', allRequired.behov ?? {});
		await setWaveStatus(database.db, 'stangd', 'closed');
		await expect(save(token, 'vision', allRequired.vision ?? {})).rejects.toMatchObject({
			code: 'WAVE_CLOSED'
		});
		const wave = await getWave(database.db, 'stangd');
		expect(wave.responses).toEqual({ complete: 0, partial: 1 });
		expect(wave.invited).toBe(1);
	});

	it('treats an unknown or malformed token as unknown', async () => {
		expect(await resolveRespondent(database.db, generateToken())).toBeNull();
		expect(await resolveRespondent(database.db, "x' or 1=1 --")).toBeNull();
	});
});

describe('answering on an open link', () => {
	const startOpen = async () => {
		const [org] = await database.db.select().from(organisations).where(eq(organisations.code, '2514'));
		return startOpenResponse(database.db, {
			waveSlug: 'oppen',
			organisationId: org?.id ?? '',
			roleGroup: 'it',
			role: 'IT-strateg'
		});
	};
	const rowsOfWave = async () => {
		const wave = await getWave(database.db, 'oppen');
		return database.db.select().from(responses).where(eq(responses.waveId, wave.id));
	};

	it('stores nothing on a start, and one response when the first page is posted twice at once', async () => {
		await createWave(database.db, { questionnaireCode: Q, name: 'Öppen', slug: 'oppen', mode: 'open' });
		await setWaveStatus(database.db, 'oppen', 'open');
		const { token, pass } = await startOpen();
		await startOpen();
		expect(await rowsOfWave()).toEqual([]);
		const r = await resolveRespondent(database.db, token, { openStart: pass });
		expect(r).toMatchObject({
			mode: 'open',
			response: null,
			openStart: { roleGroup: 'it', role: 'IT-strateg' }
		});
		if (!r) return;
		const section = sectionOf(r.questionnaire, 'behov');
		await Promise.all(
			[1, 2].map(() =>
				saveSection(database.db, {
					respondent: r,
					section,
					answers: { behov: { kind: 'scale', value: 6 } },
					currentSection: 'vision',
					lang: 'sv'
				})
			)
		);
		const rows = await rowsOfWave();
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			roleGroup: 'it',
			role: 'IT-strateg',
			participantId: null,
			status: 'partial'
		});
		// From now on the link alone finds the response, in any browser.
		expect((await respondent(token)).answers).toEqual({ behov: { kind: 'scale', value: 6 } });
	});

	it('makes the link token itself: one the client names is ignored', async () => {
		const chosen = generateToken();
		const [org] = await database.db.select().from(organisations).where(eq(organisations.code, '2514'));
		const options = {
			waveSlug: 'oppen',
			organisationId: org?.id ?? '',
			roleGroup: 'it',
			resumeToken: chosen
		};
		const started = await startOpenResponse(database.db, options as Parameters<typeof startOpenResponse>[1]);
		expect(started.token).toMatch(TOKEN_PATTERN);
		expect(started.token).not.toBe(chosen);
		expect(await resolveRespondent(database.db, chosen, { openStart: started.pass })).toBeNull();
	});

	it('refuses a start the server did not sign, or that of another link', async () => {
		const { token, pass } = await startOpen();
		const other = await startOpen();
		const [payload, signature] = pass.split('.');
		const forged = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
		const altered = `${Buffer.from(JSON.stringify({ ...forged, roleGroup: 'politisk_ledning' })).toString('base64url')}.${signature}`;
		expect(await resolveRespondent(database.db, token, { openStart: altered })).toBeNull();
		expect(await resolveRespondent(database.db, token, { openStart: other.pass })).toBeNull();
		expect(await resolveRespondent(database.db, token, { openStart: 'x.y' })).toBeNull();
		expect(await resolveRespondent(database.db, token)).toBeNull();
	});

	it("never takes an invited participant's token as an open-link start", async () => {
		const { token } = await addParticipant(database.db, { waveSlug: 'inbjudna', organisationCode: '2514' });
		const wave = await getWave(database.db, 'oppen');
		const [org] = await database.db.select().from(organisations).where(eq(organisations.code, '2514'));
		// Even a signed start naming that token (which the server never makes) does not open the open wave.
		const pass = await signOpenStart(database.db, {
			token,
			waveId: wave.id,
			organisationId: org?.id ?? '',
			roleGroup: 'it',
			role: null,
			lang: 'sv'
		});
		const r = await resolveRespondent(database.db, token, { openStart: pass });
		expect(r).toMatchObject({ mode: 'invite', openStart: null });
		expect(r?.wave.slug).toBe('inbjudna');
		expect(await rowsOfWave()).toHaveLength(1);
	});

	it('refuses an organisation outside the wave', async () => {
		await expect(
			startOpenResponse(database.db, {
				waveSlug: 'oppen',
				organisationId: '00000000-0000-4000-8000-000000000000',
				roleGroup: 'it'
			})
		).rejects.toMatchObject({ code: 'INVALID_INPUT' });
	});

	it('keeps answers in long format, one row per chosen option', async () => {
		const rows = await database.db.select().from(answers).where(eq(answers.questionCode, 'drivande'));
		expect(rows.map((r) => r.optionCode).sort()).toEqual(['annat', 'it']);
		expect(rows.find((r) => r.optionCode === 'annat')?.valueText).toBe('Skolan');
	});
});
