import { m } from '../../paraglide/messages.js';

type TLang = 'sv' | 'en';
type TSay = (params: { actor: string; subject: string }, options: { locale: TLang }) => string;

/** Every action code the services record, as a sentence with the actor and the subject. */
const SENTENCES: Record<string, TSay> = {
	'answer.marks': m.audit_say_answer_marks,
	'api_token.create': m.audit_say_api_token_create,
	'api_token.revoke': m.audit_say_api_token_revoke,
	'auth.sign_in': m.audit_say_auth_sign_in,
	'auth.sign_in_failed': m.audit_say_auth_sign_in_failed,
	'auth.sign_in_blocked': m.audit_say_auth_sign_in_blocked,
	'auth.sign_out': m.audit_say_auth_sign_out,
	'demo.create': m.audit_say_demo_create,
	'export.responses': m.audit_say_export_responses,
	'invitations.queue': m.audit_say_invitations_queue,
	'message.retry': m.audit_say_message_retry,
	'organisation.add': m.audit_say_organisation_add,
	'organisation.move': m.audit_say_organisation_move,
	'organisation.rename': m.audit_say_organisation_rename,
	'organisations.import': m.audit_say_organisations_import,
	'participants.import': m.audit_say_participants_import,
	'personal_data.erase': m.audit_say_personal_data_erase,
	'personal_data.export': m.audit_say_personal_data_export,
	'questionnaire.import': m.audit_say_questionnaire_import,
	'questionnaire.draft_create': m.audit_say_questionnaire_draft_create,
	'questionnaire.draft_discard': m.audit_say_questionnaire_draft_discard,
	'questionnaire.draft_import': m.audit_say_questionnaire_draft_import,
	'reminders.queue': m.audit_say_reminders_queue,
	'report.publish': m.audit_say_report_publish,
	'responses.import': m.audit_say_responses_import,
	'responses.import_refused': m.audit_say_responses_import_refused,
	'theme.delete': m.audit_say_theme_delete,
	'theme.merge': m.audit_say_theme_merge,
	'title-mapping.remove': m.audit_say_title_mapping_remove,
	'title-mapping.set': m.audit_say_title_mapping_set,
	'user.create': m.audit_say_user_create,
	'user.role_change': m.audit_say_user_role_change,
	'user.disable': m.audit_say_user_disable,
	'user.enable': m.audit_say_user_enable,
	'wave.create': m.audit_say_wave_create,
	'wave.update': m.audit_say_wave_update,
	'wave.open': m.audit_say_wave_open,
	'wave.close': m.audit_say_wave_close
};

/** The action codes with their own sentence. */
export const KNOWN_AUDIT_ACTIONS = Object.keys(SENTENCES);

export interface TAuditEntryText {
	actor: string;
	/** The actor's name, when the actor is a user with one. */
	actorName?: string | null;
	action: string;
	subject: string | null;
	details: unknown;
}

/** The key facts of an entry's details worth a few words: a report's version, the fields a wave changed. */
function detailWords(entry: TAuditEntryText, locale: { locale: TLang }): string {
	const details = entry.details;
	if (typeof details !== 'object' || details === null) return '';
	const record = details as Record<string, unknown>;
	if (entry.action === 'report.publish' && typeof record.version === 'number') {
		return m.audit_say_version({ version: String(record.version) }, locale);
	}
	if (entry.action === 'wave.update') {
		return m.audit_say_changed({ fields: Object.keys(record).join(', ') }, locale);
	}
	return '';
}

/** An audit entry in words ("Ada Admin publicerade rapporten för mognad-2026, version 1"); never raw JSON. */
export function describeAuditEntry(entry: TAuditEntryText, lang: TLang): string {
	const locale = { locale: lang };
	const actor = entry.actorName?.trim() || entry.actor;
	const subject = entry.subject ?? '';
	const say = SENTENCES[entry.action];
	let sentence: string;
	if (say) sentence = say({ actor, subject }, locale);
	else if (subject) sentence = m.audit_say_unknown({ actor, action: entry.action, subject }, locale);
	else sentence = m.audit_say_unknown_plain({ actor, action: entry.action }, locale);
	sentence = sentence.replace(/\s+$/, '');
	const extra = detailWords(entry, locale);
	return extra ? `${sentence}, ${extra}` : sentence;
}

/** An action for the log's filter: what was done, without who or to what ("öppnade mätomgången …"), and its code. */
export function describeAuditAction(action: string, lang: TLang): string {
	const say = SENTENCES[action];
	const words = say ? say({ actor: '', subject: '…' }, { locale: lang }).trim() : '';
	return words ? `${words} (${action})` : action;
}
