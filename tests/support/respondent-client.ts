import { templatePages } from './template-answers.ts';

export interface PostResult {
	status: number;
	location: string | null;
	body: string;
}

/** Posts a form the way a browser without JavaScript does (same-origin, url-encoded, no redirect following). */
export async function postForm(
	baseUrl: string,
	path: string,
	fields: Array<[string, string]>,
	headers: Record<string, string> = {}
): Promise<PostResult> {
	const res = await fetch(`${baseUrl}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: baseUrl,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			...headers
		},
		body: new URLSearchParams(fields).toString()
	});
	return { status: res.status, location: res.headers.get('location'), body: await res.text() };
}

/** What a scripted respondent answers: the template's answers for `seed`, with form values replaced by field name. */
export interface HttpAnswers {
	seed?: number;
	/** Form values that replace the template's, by field name (`q.drivkrafter`). */
	replace?: Record<string, string>;
	/** Answer only the first this many pages and do not submit, leaving a partial response. */
	pages?: number;
}

/**
 * Answers the built-in questionnaire through the HTTP form flow and submits it (all of it, unless
 * `answers.pages` says otherwise). `answers` is a seed or HttpAnswers. `onAck` is told of every page the
 * server acknowledged (a 303 redirect), which is when the respondent sees it as saved.
 */
export async function answerWholeQuestionnaire(
	baseUrl: string,
	token: string,
	answers: number | HttpAnswers,
	onAck: (step: string) => void = () => {},
	/** Also fetch the page each redirect leads to, as a browser does. */
	followRedirects = false
): Promise<void> {
	const { seed = 0, replace = {}, pages } = typeof answers === 'number' ? { seed: answers } : answers;
	for (const page of templatePages(seed).slice(0, pages)) {
		const fields = page.fields.map(([name, value]): [string, string] => [name, replace[name] ?? value]);
		const result = await postForm(baseUrl, `/s/${token}/sida/${page.section}`, [
			...fields,
			['_action', 'next']
		]);
		if (result.status !== 303) throw new Error(`page ${page.section}: HTTP ${result.status}`);
		onAck(page.section);
		if (followRedirects && result.location) {
			const next = await fetch(`${baseUrl}${result.location}`);
			if (!next.ok) throw new Error(`GET ${result.location}: HTTP ${next.status}`);
			await next.arrayBuffer();
		}
	}
	if (pages !== undefined) return;
	const submitted = await postForm(baseUrl, `/s/${token}/granska`, []);
	if (submitted.status !== 303 || !submitted.location?.endsWith('/tack')) {
		throw new Error(`submit: HTTP ${submitted.status} ${submitted.location}`);
	}
	onAck('submitted');
}
