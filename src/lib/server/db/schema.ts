import { sql } from 'drizzle-orm';
import {
	type AnyPgColumn,
	bigserial,
	check,
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
		tokenHash: text('token_hash').notNull().unique(),
		createdAt: createdAt()
	},
	(t) => [index('participants_wave_idx').on(t.waveId)]
);

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
		submittedAt: timestamp('submitted_at', { withTimezone: true })
	},
	(t) => [index('responses_wave_status_idx').on(t.waveId, t.status)]
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
