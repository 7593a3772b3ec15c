import { sql } from 'drizzle-orm';
import {
	type AnyPgColumn,
	bigserial,
	boolean,
	check,
	customType,
	doublePrecision,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
	dataType: () => 'bytea',
	// pg gives a Buffer, PGlite a Uint8Array: both are Uint8Arrays.
	fromDriver: (value) => value
});

const id = () => uuid('id').primaryKey().defaultRandom();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** Organisation tree: region → municipality (official code) → departments. */
export const organisations = pgTable(
	'organisations',
	{
		id: id(),
		parentId: uuid('parent_id').references((): AnyPgColumn => organisations.id, { onDelete: 'restrict' }),
		code: text('code').unique(),
		name: text('name').notNull(),
		kind: text('kind', { enum: ['country', 'region', 'municipality', 'department', 'other'] }).notNull(),
		createdAt: createdAt()
	},
	(t) => [index('organisations_parent_idx').on(t.parentId)]
);

export const questionnaires = pgTable('questionnaires', {
	id: id(),
	code: text('code').notNull().unique(),
	title: text('title').notNull(),
	createdAt: createdAt()
});

/** A published version's definition never changes: services only insert rows here. */
export const questionnaireVersions = pgTable(
	'questionnaire_versions',
	{
		id: id(),
		questionnaireId: uuid('questionnaire_id')
			.notNull()
			.references(() => questionnaires.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		definition: jsonb('definition').notNull(),
		checksum: text('checksum').notNull(),
		publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('questionnaire_versions_unique').on(t.questionnaireId, t.version)]
);

/**
 * The next version of a questionnaire as the designer writes it: one draft per questionnaire at a time,
 * valid at every save (each edit is checked as publishing checks it), published as version `version`.
 * `revision` grows with every save, so that two people editing at once do not overwrite each other.
 */
export const questionnaireDrafts = pgTable('questionnaire_drafts', {
	id: id(),
	code: text('code').notNull().unique(),
	/** The published version it was made from; null for a new questionnaire (made from the template). */
	baseVersion: integer('base_version'),
	definition: jsonb('definition').notNull(),
	revision: integer('revision').notNull().default(1),
	updatedBy: text('updated_by').notNull(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
	createdAt: createdAt()
});

export const waves = pgTable(
	'waves',
	{
		id: id(),
		questionnaireVersionId: uuid('questionnaire_version_id')
			.notNull()
			.references(() => questionnaireVersions.id, { onDelete: 'restrict' }),
		/** The organisation that runs the wave (e.g. the region); respondents belong to units below it. */
		ownerOrganisationId: uuid('owner_organisation_id').references(() => organisations.id),
		name: text('name').notNull(),
		slug: text('slug').notNull().unique(),
		period: text('period'),
		mode: text('mode', { enum: ['invite', 'open'] }).notNull(),
		status: text('status', { enum: ['draft', 'open', 'closed'] })
			.notNull()
			.default('draft'),
		minGroupSize: integer('min_group_size').notNull().default(5),
		/** Anonymous waves keep no link from a participant to their response (only `has_completed`). */
		anonymous: boolean('anonymous').notNull().default(false),
		/** Last day to answer, shown in invitations and reminders. */
		deadline: text('deadline'),
		/** Who the invitation is from (a person or a unit), shown in the e-mails. */
		senderName: text('sender_name'),
		createdAt: createdAt(),
		openedAt: timestamp('opened_at', { withTimezone: true }),
		closedAt: timestamp('closed_at', { withTimezone: true })
	},
	(t) => [check('waves_min_group_size', sql`${t.minGroupSize} >= 1`)]
);

/** An invited person. Only the SHA-256 of the personal token is stored. */
export const participants = pgTable(
	'participants',
	{
		id: id(),
		waveId: uuid('wave_id')
			.notNull()
			.references(() => waves.id, { onDelete: 'cascade' }),
		name: text('name'),
		email: text('email'),
		title: text('title'),
		organisationId: uuid('organisation_id').references(() => organisations.id),
		/** Role group from the title (questionnaire keywords or `title_mappings`), editable. */
		roleGroup: text('role_group'),
		tokenHash: text('token_hash').notNull().unique(),
		/** Set at submit in every wave; in anonymous waves it is the only trace of a response. */
		hasCompleted: boolean('has_completed').notNull().default(false),
		invitedAt: timestamp('invited_at', { withTimezone: true }),
		remindedAt: timestamp('reminded_at', { withTimezone: true }),
		reminderCount: integer('reminder_count').notNull().default(0),
		optedOutAt: timestamp('opted_out_at', { withTimezone: true }),
		bouncedAt: timestamp('bounced_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [
		index('participants_wave_idx').on(t.waveId),
		uniqueIndex('participants_wave_email_unique').on(t.waveId, sql`lower(${t.email})`)
	]
);

/**
 * Further personal links of a participant (e.g. one minted for each reminder), so that every e-mail sent
 * carries a working link while only hashes are stored. The first link is `participants.token_hash`.
 */
export const participantTokens = pgTable(
	'participant_tokens',
	{
		tokenHash: text('token_hash').primaryKey(),
		participantId: uuid('participant_id')
			.notNull()
			.references(() => participants.id, { onDelete: 'cascade' }),
		createdAt: createdAt()
	},
	(t) => [index('participant_tokens_participant_idx').on(t.participantId)]
);

/** Editable mapping from a participant's title to a role group; wins over the questionnaire's keywords. */
export const titleMappings = pgTable('title_mappings', {
	/** Normalised title: trimmed, lower case, single spaces. */
	title: text('title').primaryKey(),
	roleGroup: text('role_group').notNull(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

export const responses = pgTable(
	'responses',
	{
		id: id(),
		waveId: uuid('wave_id')
			.notNull()
			.references(() => waves.id, { onDelete: 'cascade' }),
		participantId: uuid('participant_id')
			.unique()
			.references(() => participants.id, { onDelete: 'set null' }),
		/** Hash of the resume token given to open-link respondents (cookie and link). */
		resumeTokenHash: text('resume_token_hash').unique(),
		organisationId: uuid('organisation_id').references(() => organisations.id),
		role: text('role'),
		roleGroup: text('role_group'),
		lang: text('lang').notNull().default('sv'),
		status: text('status', { enum: ['partial', 'complete'] })
			.notNull()
			.default('partial'),
		/** Code of the section the respondent should see next. */
		currentSection: text('current_section'),
		startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		submittedAt: timestamp('submitted_at', { withTimezone: true }),
		/** The response's id in an imported file (another tool's export, or ours): re-importing finds it. */
		importKey: text('import_key'),
		/**
		 * Counts the statements that changed this response's answers: a trigger on `answers` (migration
		 * 0006) raises it, so `response_scores` can tell a score computed from older answers.
		 */
		answersRevision: integer('answers_revision').notNull().default(0)
	},
	(t) => [
		index('responses_wave_status_idx').on(t.waveId, t.status),
		uniqueIndex('responses_wave_import_key_unique').on(t.waveId, t.importKey)
	]
);

/**
 * Long format: one row per answered question, or per chosen option of a multi-choice question.
 * `wave_id` is repeated here so that statistics aggregate one table without a join.
 */
export const answers = pgTable(
	'answers',
	{
		responseId: uuid('response_id')
			.notNull()
			.references(() => responses.id, { onDelete: 'cascade' }),
		waveId: uuid('wave_id').notNull(),
		questionCode: text('question_code').notNull(),
		optionCode: text('option_code').notNull().default(''),
		valueNum: doublePrecision('value_num'),
		valueText: text('value_text')
	},
	(t) => [
		primaryKey({ columns: [t.responseId, t.questionCode, t.optionCode] }),
		index('answers_wave_question_idx').on(t.waveId, t.questionCode, t.optionCode)
	]
);

/**
 * Each response's maturity dimension scores, kept so that the index reads one row per response instead
 * of every answer again (see refresh-response-scores.ts). A row is current while its revision equals the
 * response's `answers_revision` and its model key equals the wave's scoring (questionnaire and rules);
 * otherwise it is computed again before use.
 */
export const responseScores = pgTable('response_scores', {
	responseId: uuid('response_id')
		.primaryKey()
		.references(() => responses.id, { onDelete: 'cascade' }),
	modelKey: text('model_key').notNull(),
	revision: integer('revision').notNull(),
	/** One score (0–100) per dimension of the model, in its order; null where too few items are answered. */
	scores: doublePrecision('scores').array().notNull(),
	/** The response's index: the weighted mean of its dimension scores; null when fewer than half have one. */
	index: doublePrecision('index')
});

/** Themes an analyst gives to free-text answers of one question in one wave. */
export const themes = pgTable(
	'themes',
	{
		id: id(),
		waveId: uuid('wave_id')
			.notNull()
			.references(() => waves.id, { onDelete: 'cascade' }),
		questionCode: text('question_code').notNull(),
		label: text('label').notNull(),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('themes_wave_question_label_unique').on(t.waveId, t.questionCode, t.label)]
);

/** An answer may carry several themes. */
export const answerThemes = pgTable(
	'answer_themes',
	{
		responseId: uuid('response_id')
			.notNull()
			.references(() => responses.id, { onDelete: 'cascade' }),
		questionCode: text('question_code').notNull(),
		themeId: uuid('theme_id')
			.notNull()
			.references(() => themes.id, { onDelete: 'cascade' }),
		createdAt: createdAt()
	},
	(t) => [
		primaryKey({ columns: [t.responseId, t.questionCode, t.themeId] }),
		index('answer_themes_theme_idx').on(t.themeId)
	]
);

/** The analyst's marks on one free-text answer: quotable in the report, released to organisation contacts. */
export const answerMarks = pgTable(
	'answer_marks',
	{
		responseId: uuid('response_id')
			.notNull()
			.references(() => responses.id, { onDelete: 'cascade' }),
		questionCode: text('question_code').notNull(),
		quotable: boolean('quotable').notNull().default(false),
		released: boolean('released').notNull().default(false),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.responseId, t.questionCode] })]
);

/**
 * A wave's report as the analyst edits it: one draft per wave, saved as they type. `revision` grows with
 * every save, so a stale tab cannot overwrite newer text unnoticed.
 */
export const reports = pgTable('reports', {
	id: id(),
	waveId: uuid('wave_id')
		.notNull()
		.unique()
		.references(() => waves.id, { onDelete: 'cascade' }),
	definition: jsonb('definition').notNull(),
	revision: integer('revision').notNull().default(1),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
	updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' })
});

/**
 * A published, frozen report version: the definition and the data snapshot it was rendered from, so the
 * published PDF and DOCX can be rebuilt identically later.
 */
export const reportVersions = pgTable(
	'report_versions',
	{
		id: id(),
		reportId: uuid('report_id')
			.notNull()
			.references(() => reports.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		definition: jsonb('definition').notNull(),
		snapshot: jsonb('snapshot').notNull(),
		publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
		publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' })
	},
	(t) => [uniqueIndex('report_versions_report_version_unique').on(t.reportId, t.version)]
);

export const users = pgTable(
	'users',
	{
		id: id(),
		/** Stored lower case. */
		email: text('email').notNull().unique(),
		name: text('name').notNull(),
		/** argon2id. */
		passwordHash: text('password_hash').notNull(),
		role: text('role', { enum: ['admin', 'analyst', 'contact', 'viewer'] }).notNull(),
		/** The unit an organisation contact is bound to (they see it and the units below). */
		organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'restrict' }),
		createdAt: createdAt(),
		disabledAt: timestamp('disabled_at', { withTimezone: true })
	},
	(t) => [
		check('users_contact_has_organisation', sql`${t.role} <> 'contact' or ${t.organisationId} is not null`)
	]
);

/** Server-side sessions: only the SHA-256 of the cookie's token is stored. */
export const sessions = pgTable(
	'sessions',
	{
		tokenHash: text('token_hash').primaryKey(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: createdAt(),
		lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull()
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

/** Failed sign-ins counted per key (`account:<email>` or `address:<ip>`) for throttling. */
export const loginThrottle = pgTable('login_throttle', {
	key: text('key').primaryKey(),
	failures: integer('failures').notNull().default(0),
	firstFailureAt: timestamp('first_failure_at', { withTimezone: true }).notNull().defaultNow(),
	blockedUntil: timestamp('blocked_until', { withTimezone: true })
});

/** Tokens for scripts using the JSON API (`Authorization: Bearer …`); only the SHA-256 is stored. */
export const apiTokens = pgTable('api_tokens', {
	id: id(),
	userId: uuid('user_id')
		.notNull()
		.references(() => users.id, { onDelete: 'cascade' }),
	name: text('name').notNull(),
	tokenHash: text('token_hash').notNull().unique(),
	createdAt: createdAt(),
	lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
	revokedAt: timestamp('revoked_at', { withTimezone: true })
});

/**
 * Outgoing e-mail, and the queue that sends it. A worker claims due rows with
 * `FOR UPDATE SKIP LOCKED`, so several app processes send each message once.
 * With no SMTP configured, messages are kept here as the outbox (`status = 'outbox'`).
 */
export const messages = pgTable(
	'messages',
	{
		id: id(),
		waveId: uuid('wave_id').references(() => waves.id, { onDelete: 'cascade' }),
		participantId: uuid('participant_id').references(() => participants.id, { onDelete: 'set null' }),
		kind: text('kind', { enum: ['invitation', 'reminder', 'other'] }).notNull(),
		/** Makes queueing idempotent, e.g. `invitation:<participant>` or `reminder:<participant>:<n>`. */
		dedupeKey: text('dedupe_key').notNull().unique(),
		toAddress: text('to_address').notNull(),
		subject: text('subject').notNull(),
		bodyText: text('body_text').notNull(),
		status: text('status', { enum: ['queued', 'sending', 'sent', 'failed', 'outbox'] })
			.notNull()
			.default('queued'),
		attempts: integer('attempts').notNull().default(0),
		nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
		/** Which process holds the row while sending, and until when (a crashed sender's lease runs out). */
		lockedBy: text('locked_by'),
		lockedUntil: timestamp('locked_until', { withTimezone: true }),
		lastError: text('last_error'),
		/** The Message-ID given to the SMTP server. */
		smtpMessageId: text('smtp_message_id'),
		createdAt: createdAt(),
		sentAt: timestamp('sent_at', { withTimezone: true })
	},
	(t) => [index('messages_due_idx').on(t.status, t.nextAttemptAt), index('messages_wave_idx').on(t.waveId)]
);

/**
 * A response file between the steps of the import page (upload, mapping, check, confirm), kept an hour for
 * the user who uploaded it to that wave. In the database, not a temp folder: no other local user can reach
 * it, and with several app processes the next step may land on any of them.
 */
export const importUploads = pgTable(
	'import_uploads',
	{
		id: id(),
		waveId: uuid('wave_id')
			.notNull()
			.references(() => waves.id, { onDelete: 'cascade' }),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		fileName: text('file_name').notNull(),
		/** The file's size in bytes; the bytes are in import_upload_chunks. */
		size: integer('size').notNull(),
		/** The file's columns and their distinct values, read once at upload. */
		columns: jsonb('columns').notNull(),
		/** The mapping chosen so far. */
		mapping: jsonb('mapping').notNull(),
		createdAt: createdAt()
	},
	(t) => [index('import_uploads_created_idx').on(t.createdAt)]
);

/** An uploaded file in pieces of 1 MiB, read back one at a time: the import streams it, as it does a file. */
export const importUploadChunks = pgTable(
	'import_upload_chunks',
	{
		uploadId: uuid('upload_id')
			.notNull()
			.references(() => importUploads.id, { onDelete: 'cascade' }),
		seq: integer('seq').notNull(),
		bytes: bytea('bytes').notNull()
	},
	(t) => [primaryKey({ columns: [t.uploadId, t.seq] })]
);

/** Settings and one-off markers (e.g. that the built-in data was loaded). */
export const meta = pgTable('meta', {
	key: text('key').primaryKey(),
	value: jsonb('value').notNull(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

export const auditLog = pgTable(
	'audit_log',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
		actor: text('actor').notNull(),
		action: text('action').notNull(),
		subject: text('subject'),
		details: jsonb('details')
	},
	(t) => [index('audit_log_at_idx').on(t.at)]
);
