import { asc, eq, inArray, or, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.ts';
import type { TDb } from '../db/client.ts';
import { answers, auditLog, messages, responses } from '../db/schema.ts';
import { emailHash } from './email-hash.ts';
import { findPerson, ZPersonEmail } from './find-person.ts';

/**
 * Everything stored about one person, found by e-mail: their participant rows in every wave, the messages
 * sent to them, their linked responses with the answers, and audit entries about them. The export itself
 * is audit-logged. Token hashes are left out: they are secrets, not facts about the person.
 */
export async function exportPersonalData(db: TDb, options: { email: string; actor: string }) {
	const email = ZPersonEmail.parse(options.email);
	return db.transaction(async (tx) => {
		const found = await findPerson(tx, email);
		const ids = found.map((p) => p.id);
		const none = ['00000000-0000-0000-0000-000000000000'];
		const sent = await tx
			.select({
				participantId: messages.participantId,
				kind: messages.kind,
				toAddress: messages.toAddress,
				subject: messages.subject,
				bodyText: messages.bodyText,
				status: messages.status,
				createdAt: messages.createdAt,
				sentAt: messages.sentAt
			})
			.from(messages)
			.where(
				or(
					inArray(messages.participantId, ids.length ? ids : none),
					sql`lower(${messages.toAddress}) = ${email}`
				)
			)
			.orderBy(asc(messages.createdAt));
		const linked = await tx
			.select()
			.from(responses)
			.where(inArray(responses.participantId, ids.length ? ids : none));
		const answerRows = await tx
			.select({
				responseId: answers.responseId,
				questionCode: answers.questionCode,
				optionCode: answers.optionCode,
				valueNum: answers.valueNum,
				valueText: answers.valueText
			})
			.from(answers)
			.where(inArray(answers.responseId, linked.length ? linked.map((r) => r.id) : none))
			.orderBy(asc(answers.questionCode), asc(answers.optionCode));
		const audit = await tx
			.select()
			.from(auditLog)
			.where(
				or(
					sql`lower(${auditLog.subject}) = ${email}`,
					eq(auditLog.subject, emailHash(email)),
					inArray(auditLog.subject, ids.length ? ids : none)
				)
			)
			.orderBy(asc(auditLog.at), asc(auditLog.id));
		await recordAudit(tx, {
			actor: options.actor,
			action: 'personal_data.export',
			subject: emailHash(email),
			details: { participants: ids.length, responses: linked.length }
		});
		return {
			email,
			exportedAt: new Date().toISOString(),
			participants: found.map((p) => {
				const response = linked.find((r) => r.participantId === p.id);
				return {
					...p,
					messages: sent.filter((m) => m.participantId === p.id).map(({ participantId: _, ...m }) => m),
					response: response
						? {
								id: response.id,
								status: response.status,
								organisationId: response.organisationId,
								role: response.role,
								roleGroup: response.roleGroup,
								lang: response.lang,
								startedAt: response.startedAt,
								submittedAt: response.submittedAt,
								answers: answerRows
									.filter((a) => a.responseId === response.id)
									.map(({ responseId: _, ...a }) => a)
							}
						: null
				};
			}),
			/** Messages to the address that are not tied to a participant row. */
			otherMessages: sent.filter((m) => m.participantId === null).map(({ participantId: _, ...m }) => m),
			auditEntries: audit
		};
	});
}
export type TPersonalDataExport = Awaited<ReturnType<typeof exportPersonalData>>;
