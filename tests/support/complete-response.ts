import { parseSectionForm } from '../../src/lib/core/questionnaire/parse-section-form.ts';
import type { TDb } from '../../src/lib/server/db/client.ts';
import { addParticipant } from '../../src/lib/server/participants/add-participant.ts';
import { resolveRespondent } from '../../src/lib/server/responses/resolve-respondent.ts';
import { saveSection } from '../../src/lib/server/responses/save-section.ts';
import { submitResponse } from '../../src/lib/server/responses/submit-response.ts';
import { templatePages } from './template-answers.ts';

export interface CompleteResponseOptions {
	waveSlug: string;
	organisationCode?: string;
	/** Varies the template answers (see templatePages). */
	seed?: number;
	/** Form values that replace the template's, by field name (`q.drivkrafter`). */
	replace?: Record<string, string>;
	/** Stop before submitting, leaving a partial response. */
	partial?: boolean;
}

/**
 * Invites a participant and answers the built-in questionnaire page by page through the same parsing and
 * services a respondent's form posts go through; returns the response id.
 */
export async function completeResponse(db: TDb, options: CompleteResponseOptions): Promise<string> {
	const { token } = await addParticipant(db, {
		waveSlug: options.waveSlug,
		organisationCode: options.organisationCode ?? '2580',
		title: 'IT-chef'
	});
	let responseId = '';
	for (const page of templatePages(options.seed ?? 0)) {
		const respondent = await resolveRespondent(db, token);
		if (!respondent) throw new Error('the new participant has no working link');
		const section = respondent.questionnaire.sections.find((s) => s.code === page.section);
		if (!section) throw new Error(`no section "${page.section}"`);
		const form = page.fields.map(([name, value]): [string, string] => [
			name,
			options.replace?.[name] ?? value
		]);
		const parsed = parseSectionForm({
			questionnaire: respondent.questionnaire,
			section,
			form,
			previous: respondent.answers,
			mode: respondent.mode,
			lang: 'sv'
		});
		if (parsed.errors.length > 0) throw new Error(parsed.errors.map((e) => e.message).join('; '));
		responseId = await saveSection(db, {
			respondent,
			section,
			answers: parsed.answers,
			currentSection: page.section,
			lang: 'sv'
		});
	}
	if (!options.partial) {
		const respondent = await resolveRespondent(db, token);
		if (!respondent) throw new Error('the new participant has no working link');
		const result = await submitResponse(db, respondent);
		if (result?.status !== 'submitted') throw new Error(`not submitted: ${JSON.stringify(result)}`);
	}
	return responseId;
}
