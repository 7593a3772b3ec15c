import { error, fail, redirect } from '@sveltejs/kit';
import { headerIssueText, importProblemText } from '#lib/components/admin/import-problem-text.ts';
import {
	suggestMapping,
	suggestValues,
	type TFileColumn,
	type TImportMapping
} from '#lib/core/exchange/import-mapping.ts';
import { responseColumns, type TExportColumn } from '#lib/core/exchange/response-columns.ts';
import { t } from '#lib/core/questionnaire/text.ts';
import { MANAGERS } from '#lib/core/roles/role-sets.ts';
import { m } from '#lib/paraglide/messages.js';
import type { TDb } from '#lib/server/db/client.ts';
import { readFileColumns } from '#lib/server/exchange/import-file-columns.ts';
import {
	importResponses,
	MAX_RESPONSE_IMPORT_BYTES,
	type TImportResponsesResult
} from '#lib/server/exchange/import-responses.ts';
import {
	loadUpload,
	removeUpload,
	saveUpload,
	type TUpload,
	updateUploadMapping,
	uploadSource
} from '#lib/server/exchange/import-uploads.ts';
import { getQuestionnaireVersion } from '#lib/server/questionnaires/get-questionnaire-version.ts';
import { findWaveBySlug } from '#lib/server/waves/find-wave-by-slug.ts';
import { formAction } from '#lib/server/web/form-action.ts';
import type { TFormFields } from '#lib/server/web/form-input.ts';
import { pageLoad } from '#lib/server/web/page-load.ts';
import { readUpload } from '#lib/server/web/read-upload.ts';
import { formatLimit, UPLOAD_LIMITS } from '#lib/server/web/upload-limits.ts';
import type { Actions, PageServerLoad } from './$types';

// Imported answers become results: the same people who manage a wave's data (MANAGERS).

async function context(db: TDb, slug: string, lang: 'sv' | 'en') {
	const wave = await findWaveBySlug(db, slug);
	if (!wave) error(404, { message: m.not_found_title() });
	const questionnaire = await getQuestionnaireVersion(db, wave.questionnaireVersionId);
	const columns = responseColumns(questionnaire);
	const questionText = new Map(
		questionnaire.sections.flatMap((s) => s.questions).map((q) => [q.code, t(q.text, lang)])
	);
	return { db, wave, questionnaire, columns, questionText };
}

/** What a select shows for an export column: its name and, for questions, the start of the question. */
function targetLabel(column: TExportColumn, questionText: Map<string, string>): string {
	if (column.kind === 'meta') return column.name;
	const text = questionText.get(column.question) ?? '';
	const short = text.length > 60 ? `${text.slice(0, 60)}…` : text;
	if (column.kind === 'multi_option') return `${column.name} – ${short} (${column.label.sv})`;
	return `${column.name} – ${short}`;
}

/** The choices offered for a file value under a target: option codes, 1/0 for an option column, or none. */
function valueChoices(column: TExportColumn | undefined, lang: 'sv' | 'en') {
	if (column?.kind === 'single')
		return column.options.map((o) => ({ value: o.code, label: t(o.label, lang) }));
	if (column?.kind === 'multi_option') {
		return [
			{ value: '1', label: m.import_value_chosen() },
			{ value: '0', label: m.import_value_not_chosen() }
		];
	}
	return [];
}

export const load: PageServerLoad = pageLoad({ roles: MANAGERS }, async ({ user, db, lang, event }) => {
	const { wave, columns, questionText } = await context(db, event.params.slug, lang);
	const id = event.url.searchParams.get('upload');
	const upload = id ? await loadUpload(db, id, { waveId: wave.id, userId: user.id }) : null;
	const byName = new Map(columns.map((c) => [c.name, c]));
	return {
		wave: { slug: wave.slug, name: wave.name },
		expired: id !== null && upload === null,
		targets: {
			meta: columns.filter((c) => c.kind === 'meta').map((c) => ({ value: c.name, label: c.name })),
			questions: columns
				.filter((c) => c.kind !== 'meta')
				.map((c) => ({ value: c.name, label: targetLabel(c, questionText) }))
		},
		upload: upload && {
			id: upload.id,
			fileName: upload.meta.fileName,
			status: upload.meta.mapping.status,
			columns: upload.meta.columns
				.map((c, index) => ({ ...c, index }))
				.filter((c) => c.name !== '')
				.map((c) => {
					const target = upload.meta.mapping.columns[c.name] ?? '';
					const values = upload.meta.mapping.values[c.name] ?? {};
					const choices = valueChoices(byName.get(target), lang);
					return {
						index: c.index,
						name: c.name,
						target,
						distinct:
							c.distinct === null || choices.length === 0
								? null
								: c.distinct.map((value) => ({ value, mapped: values[value] ?? '' })),
						many: c.distinct === null && choices.length > 0,
						choices
					};
				})
		}
	};
});

type TCheck = {
	ok: boolean;
	rows: number;
	imported: number;
	unchanged: number;
	problemCount: number;
	problems: string[];
	columns: string[];
};

const checkView = (result: TImportResponsesResult): TCheck =>
	result.ok
		? {
				ok: true,
				rows: result.rows,
				imported: result.imported,
				unchanged: result.unchanged,
				problemCount: 0,
				problems: [],
				columns: []
			}
		: {
				ok: false,
				rows: result.rows,
				imported: 0,
				unchanged: 0,
				problemCount: result.problemCount,
				problems: result.problems.map(importProblemText),
				columns: result.columns.map(headerIssueText)
			};

/** The mapping posted by the page: a target per file column, a code per value, and the default status. */
function postedMapping(
	upload: TUpload,
	entries: Array<[string, string]>,
	columns: readonly TExportColumn[]
): TImportMapping {
	const form = new Map(entries);
	const byName = new Map(columns.map((c) => [c.name, c]));
	const before = upload.meta.mapping;
	const mapping: TImportMapping = {
		columns: {},
		values: {},
		status: form.get('status') === 'partial' ? 'partial' : 'complete'
	};
	upload.meta.columns.forEach((file, i) => {
		if (file.name === '') return;
		const posted = form.get(`c${i}`) ?? before.columns[file.name] ?? '';
		const target = byName.has(posted) ? posted : '';
		mapping.columns[file.name] = target;
		const column = byName.get(target);
		if (!column || !file.distinct) return;
		// A column given a new target starts from the suggestions for it; otherwise the posted choices count.
		if (target !== before.columns[file.name]) {
			const suggested = suggestValues(column, file.distinct);
			if (Object.keys(suggested).length > 0) mapping.values[file.name] = suggested;
			return;
		}
		const allowed = new Set(valueChoices(column, 'sv').map((c) => c.value));
		const values: Record<string, string> = {};
		file.distinct.forEach((value, j) => {
			const code = form.get(`v${i}_${j}`) ?? '';
			if (allowed.has(code)) values[value] = code;
		});
		if (Object.keys(values).length > 0) mapping.values[file.name] = values;
	});
	return mapping;
}

/** The upload a posted form names, with the mapping it posts saved; null when it has expired. */
async function postedUpload(
	db: TDb,
	user: { id: string },
	slug: string,
	lang: 'sv' | 'en',
	form: TFormFields
) {
	const ctx = await context(db, slug, lang);
	const upload = await loadUpload(db, form.one('upload'), { waveId: ctx.wave.id, userId: user.id });
	if (!upload) return null;
	const mapping = postedMapping(upload, form.entries, ctx.columns);
	await updateUploadMapping(db, upload, mapping);
	return { ctx, upload, mapping };
}

/** Imports the posted upload with the mapping it posts (or only checks it); null when it has expired. */
async function importPosted(
	db: TDb,
	user: { id: string; email: string },
	slug: string,
	lang: 'sv' | 'en',
	form: TFormFields,
	{ dryRun }: { dryRun: boolean }
) {
	const posted = await postedUpload(db, user, slug, lang, form);
	if (!posted) return null;
	const { ctx, upload, mapping } = posted;
	const result = await importResponses(db, {
		waveSlug: ctx.wave.slug,
		source: uploadSource(db, upload),
		mapping,
		dryRun,
		actor: user.email,
		lang
	});
	return { ctx, upload, result };
}

const expired = () => fail(410, { error: m.import_error_expired() });

// A file the services cannot read, or a mapping they refuse, is shown above the form with status 400.
const options = { roles: MANAGERS, refusal: () => ({ field: '', status: 400 }) };

export const actions: Actions = {
	upload: formAction({ ...options, body: 'none' }, async ({ user, db, lang, event }) => {
		const { wave, questionnaire, columns } = await context(db, event.params.slug ?? '', lang);
		const posted = await readUpload(event.request, 'file', UPLOAD_LIMITS.responses);
		if (!posted.ok) {
			return fail(posted.reason === 'too-large' ? 413 : 400, {
				error:
					posted.reason === 'too-large'
						? m.import_error_file_too_large({
								limit: formatLimit(UPLOAD_LIMITS.responses),
								cliLimit: formatLimit(MAX_RESPONSE_IMPORT_BYTES)
							})
						: m.error_form_invalid()
			});
		}
		if (!posted.file) return fail(400, { error: m.import_error_file_required() });
		const fileName = posted.file.name.slice(0, 255);
		const fileColumns: TFileColumn[] = await readFileColumns({ bytes: posted.file.bytes, fileName });
		const upload = await saveUpload(db, { waveId: wave.id, userId: user.id }, posted.file.bytes, {
			fileName,
			columns: fileColumns,
			mapping: suggestMapping(questionnaire, columns, fileColumns)
		});
		redirect(303, `/admin/waves/${wave.slug}/import?upload=${upload.id}`);
	}),

	map: formAction(options, async ({ user, db, lang, form, event }) => {
		const posted = await postedUpload(db, user, event.params.slug ?? '', lang, form);
		if (!posted) return expired();
		redirect(303, `/admin/waves/${posted.ctx.wave.slug}/import?upload=${posted.upload.id}`);
	}),

	check: formAction(options, async ({ user, db, lang, form, event }) => {
		const posted = await importPosted(db, user, event.params.slug ?? '', lang, form, { dryRun: true });
		return posted ? { check: checkView(posted.result) } : expired();
	}),

	confirm: formAction(options, async ({ user, db, lang, form, event }) => {
		const posted = await importPosted(db, user, event.params.slug ?? '', lang, form, { dryRun: false });
		if (!posted) return expired();
		const { ctx, upload, result } = posted;
		if (!result.ok) return fail(400, { check: checkView(result) });
		await removeUpload(db, upload);
		return {
			done: m.import_done({ count: result.imported, wave: ctx.wave.name, unchanged: result.unchanged })
		};
	})
};
