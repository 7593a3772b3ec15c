import { MAX_IMPORT_BYTES } from '../../core/spreadsheet/table.ts';
import { MAX_RESPONSE_UPLOAD_BYTES } from '../exchange/import-uploads.ts';
import { UPLOAD_FORM_OVERHEAD } from './read-upload.ts';

/**
 * The largest file each upload form takes, as README.md states them. A questionnaire is a small JSON
 * document (the built-in one is about 30 kB); participant and organisation lists are read whole into
 * memory; a response file is read as a stream (larger ones through `mognad import responses`).
 */
export const UPLOAD_LIMITS = {
	questionnaire: 1000 * 1000,
	/** LimeSurvey's .lss files carry e-mail templates and settings in every language beside the questions. */
	limesurvey: 5 * 1024 * 1024,
	/** A translator's XLIFF file of a questionnaire: the built-in one's is about 60 kB. */
	translation: 1000 * 1000,
	participants: MAX_IMPORT_BYTES,
	organisations: MAX_IMPORT_BYTES,
	responses: MAX_RESPONSE_UPLOAD_BYTES
} as const;

/**
 * The server's own request limit (adapter-node's BODY_SIZE_LIMIT, unless set): above every upload's
 * limit and its form, so that each form answers an oversized file with its own message. Other forms read
 * at most MAX_FORM_BYTES of a body.
 */
export const BODY_SIZE_LIMIT_BYTES = Math.max(...Object.values(UPLOAD_LIMITS)) + UPLOAD_FORM_OVERHEAD;

/** A limit as the messages state it: 1 MB, 10 MB, 64 MB (binary megabytes, as file managers show them). */
export const formatLimit = (bytes: number) =>
	bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${Math.round(bytes / 1e6)} MB`;
