import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLss } from './read-lss.ts';

const fixture = (name: string) =>
	readFileSync(path.join(import.meta.dirname, '../../../../../tests/fixtures/limesurvey', name));

const refusalOf = (input: Uint8Array | string) => {
	const read = readLss(input);
	if (read.ok) throw new Error('read');
	return read.refusal;
};

describe('reading a LimeSurvey survey structure file', () => {
	it('reads the tables of a LimeSurvey 4+ file, every value as text', () => {
		const read = readLss(fixture('limesurvey_survey_allinoneCondition.lss'));
		if (!read.ok) throw new Error(JSON.stringify(read.refusal));
		expect(read.document.dbVersion).toBe(485);
		expect(read.document.languages).toEqual(['en']);
		expect(read.document.tables.questions?.map((q) => [q.qid, q.type, q.title, q.relevance])).toEqual([
			['481', 'G', 'Q00', '1'],
			['482', 'T', 'G02Q02', '((Q481.NAOK == "F"))']
		]);
		expect(read.document.tables.question_l10ns?.[1]?.question).toBe('');
		expect(read.document.tables.conditions?.[0]).toMatchObject({ qid: '482', cqid: '481', value: 'F' });
	});

	it('reads an old file with a row per language', () => {
		const read = readLss(fixture('limesurvey_survey_OldCodes.lss'));
		if (!read.ok) throw new Error(JSON.stringify(read.refusal));
		expect(read.document.dbVersion).toBe(164);
		expect(read.document.languages).toEqual(['es', 'en']);
		expect(read.document.tables.groups?.map((g) => `${g.gid}:${g.language}`)).toEqual([
			'354:es',
			'354:en',
			'355:es',
			'355:en'
		]);
	});

	it('refuses a corrupted file: cut off in the middle, or with a broken element at its line and column', () => {
		const whole = fixture('limesurvey_survey_allinoneCondition.lss').toString('utf8');
		expect(refusalOf(whole.slice(0, whole.indexOf('<question_l10ns>') + 40))).toEqual({ key: 'truncated' });
		expect(refusalOf(whole.replace('</group_name>', '</groupname>'))).toMatchObject({
			key: 'malformed',
			line: 71,
			column: 63
		});
	});

	it('refuses what is not XML, not UTF-8, declares a document type, or is not a LimeSurvey survey', () => {
		expect(refusalOf('{"code": "enkat"}')).toEqual({ key: 'notXml' });
		expect(refusalOf(new Uint8Array([0x3c, 0x61, 0xff, 0x3e]))).toEqual({ key: 'notUtf8' });
		expect(refusalOf('<a><b></a>')).toMatchObject({ key: 'malformed', line: 1 });
		expect(
			refusalOf('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><document>&a;</document>')
		).toEqual({ key: 'doctype' });
		expect(refusalOf('<html><body>Hej</body></html>')).toEqual({ key: 'notLimeSurvey' });
		expect(
			refusalOf('<document><LimeSurveyDocType>Group</LimeSurveyDocType><DBVersion>400</DBVersion></document>')
		).toEqual({ key: 'notSurvey', docType: 'Group' });
		expect(
			refusalOf(
				'<document><LimeSurveyDocType>Survey</LimeSurveyDocType><DBVersion>111</DBVersion></document>'
			)
		).toEqual({ key: 'dbVersion', version: '111' });
		expect(refusalOf('<document><LimeSurveyDocType>Survey</LimeSurveyDocType></document>')).toEqual({
			key: 'dbVersion',
			version: ''
		});
	});
});
