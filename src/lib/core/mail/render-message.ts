import { z } from 'zod';

export const ZMailLang = z.enum(['sv', 'en']);
export type TMailLang = z.infer<typeof ZMailLang>;

/** Characters that would end a header line or confuse a mail client: CR, LF and the other controls. */
const CONTROL = /[\p{Cc}\u2028\u2029]+/gu;

/** One line of text: controls (CR/LF included) become a space, so no value can start a new header. */
export function singleLine(value: string): string {
	return value.replace(CONTROL, ' ').replace(/ {2,}/g, ' ').trim();
}

const line = z.string().transform(singleLine);

export const ZMessageInput = z.object({
	kind: z.enum(['invitation', 'reminder']),
	lang: ZMailLang.default('sv'),
	/** An e-mail address cannot carry CR or LF once it passes this check. */
	to: z.email().max(320),
	recipientName: line.nullish(),
	waveName: line.pipe(z.string().min(1)),
	/** `YYYY-MM-DD` (or a timestamp, shown as its date in Sweden). */
	deadline: z.string().nullish(),
	senderName: line.nullish(),
	anonymous: z.boolean().default(false),
	/** The personal link to the questionnaire (a placeholder in a preview). */
	link: line,
	optOutLink: line
});
export type TMessageInput = z.input<typeof ZMessageInput>;

export interface TRenderedMessage {
	to: string;
	subject: string;
	text: string;
}

const texts = {
	sv: {
		subject: { invitation: 'Inbjudan', reminder: 'Påminnelse' },
		greeting: (name: string | null) => (name ? `Hej ${name}!` : 'Hej!'),
		intro: {
			invitation: (wave: string) => `Du är inbjuden att svara på enkäten ”${wave}”.`,
			reminder: (wave: string) =>
				`Vi har ännu inte fått ditt svar på enkäten ”${wave}”. Vi är tacksamma om du tar dig tid att svara.`
		},
		linkIntro: 'Din personliga länk till enkäten:',
		personal: 'Länken är personlig. Dela den inte med någon annan.',
		resume: 'Du kan spara och fortsätta senare med samma länk.',
		deadline: (date: string) => `Sista dag att svara är ${date}.`,
		anonymous: 'Enkäten är anonym: dina svar sparas utan koppling till dig som person.',
		regards: 'Med vänlig hälsning',
		optOut: 'Vill du inte få fler utskick om den här enkäten? Avregistrera dig här:'
	},
	en: {
		subject: { invitation: 'Invitation', reminder: 'Reminder' },
		greeting: (name: string | null) => (name ? `Hello ${name},` : 'Hello,'),
		intro: {
			invitation: (wave: string) => `You are invited to answer the questionnaire "${wave}".`,
			reminder: (wave: string) =>
				`We have not yet received your answers to the questionnaire "${wave}". We would be grateful if you took the time to answer.`
		},
		linkIntro: 'Your personal link to the questionnaire:',
		personal: 'The link is personal. Do not share it with anyone else.',
		resume: 'You can save and continue later with the same link.',
		deadline: (date: string) => `The last day to answer is ${date}.`,
		anonymous: 'The questionnaire is anonymous: your answers are stored without any link to you as a person.',
		regards: 'Kind regards',
		optOut: 'Do not want any more e-mails about this questionnaire? Unsubscribe here:'
	}
} as const;

/** A deadline as `2020-05-31`: a date stays as it is, a timestamp becomes its date in Sweden. */
export function formatDeadline(value: string): string | null {
	const date = /^(\d{4}-\d{2}-\d{2})$/.exec(value.trim());
	if (date) return date[1] ?? null;
	const parsed = new Date(value);
	if (Number.isNaN(parsed.getTime())) return null;
	// Swedish dates are written year-month-day.
	return parsed.toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
}

/**
 * An invitation or a reminder as plain text: greeting by name, the wave, the personal link, the deadline,
 * the sender, the anonymity sentence for anonymous waves, and the opt-out link. Throws on an invalid address.
 */
export function renderMessage(options: TMessageInput): TRenderedMessage {
	const input = ZMessageInput.parse(options);
	const tx = texts[input.lang];
	const deadline = input.deadline ? formatDeadline(input.deadline) : null;
	const paragraphs = [
		tx.greeting(input.recipientName || null),
		tx.intro[input.kind](input.waveName),
		`${tx.linkIntro}\n${input.link}`,
		[deadline ? tx.deadline(deadline) : null, tx.resume].filter(Boolean).join(' '),
		input.anonymous ? tx.anonymous : null,
		tx.personal,
		input.senderName ? `${tx.regards}\n${input.senderName}` : tx.regards,
		`--\n${tx.optOut}\n${input.optOutLink}`
	];
	return {
		to: input.to,
		subject: singleLine(`${tx.subject[input.kind]}: ${input.waveName}`),
		text: `${paragraphs.filter((p): p is string => Boolean(p)).join('\n\n')}\n`
	};
}

/** The path of a personal link, `/s/<token>`, wherever it occurs in a text. */
const PERSONAL_LINK = /\/s\/[A-Za-z0-9_-]{43}/g;

/** A sent message's text without its personal links, so that no usable token stays stored. */
export function removePersonalLinks(text: string): string {
	return text.replace(PERSONAL_LINK, '/s/[borttagen]');
}
