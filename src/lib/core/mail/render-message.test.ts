import { describe, expect, it } from 'vitest';
import { formatDeadline, removePersonalLinks, renderMessage, singleLine } from './render-message.ts';

const token = 'A'.repeat(43);
const base = {
	to: 'anna@example.org',
	recipientName: 'Anna Berg',
	waveName: 'Digital mognad 2020',
	deadline: '2020-05-31',
	senderName: 'Region Norrbotten',
	link: `https://mognad.example/s/${token}`,
	optOutLink: `https://mognad.example/s/${token}/avregistrera`
};

describe('renderMessage', () => {
	it('writes a Swedish invitation with name, wave, link, deadline, sender and opt-out link', () => {
		const message = renderMessage({ ...base, kind: 'invitation' });
		expect(message.to).toBe('anna@example.org');
		expect(message.subject).toBe('Inbjudan: Digital mognad 2020');
		expect(message.text).toBe(
			[
				'Hej Anna Berg!',
				'',
				'Du är inbjuden att svara på enkäten ”Digital mognad 2020”.',
				'',
				'Din personliga länk till enkäten:',
				`https://mognad.example/s/${token}`,
				'',
				'Sista dag att svara är 2020-05-31. Du kan spara och fortsätta senare med samma länk.',
				'',
				'Länken är personlig. Dela den inte med någon annan.',
				'',
				'Med vänlig hälsning',
				'Region Norrbotten',
				'',
				'--',
				'Vill du inte få fler utskick om den här enkäten? Avregistrera dig här:',
				`https://mognad.example/s/${token}/avregistrera`,
				''
			].join('\n')
		);
	});

	it('writes an English reminder and says so when the wave is anonymous', () => {
		const message = renderMessage({ ...base, kind: 'reminder', lang: 'en', anonymous: true });
		expect(message.subject).toBe('Reminder: Digital mognad 2020');
		expect(message.text).toContain('Hello Anna Berg,');
		expect(message.text).toContain(
			'We have not yet received your answers to the questionnaire "Digital mognad 2020".'
		);
		expect(message.text).toContain('The last day to answer is 2020-05-31.');
		expect(message.text).toContain('your answers are stored without any link to you as a person');
		expect(message.text).toContain('Kind regards\nRegion Norrbotten');
		expect(message.text).not.toContain('Hej');
	});

	it('greets without a name and leaves out a missing deadline and sender', () => {
		const message = renderMessage({
			...base,
			kind: 'invitation',
			recipientName: null,
			deadline: null,
			senderName: null
		});
		expect(message.text.startsWith('Hej!\n')).toBe(true);
		expect(message.text).not.toContain('Sista dag');
		expect(message.text).toContain('Med vänlig hälsning\n\n--');
		expect(message.text).not.toContain('anonym');
	});

	it('keeps line breaks out of the subject and the greeting (no header injection)', () => {
		const message = renderMessage({
			...base,
			kind: 'invitation',
			waveName: 'Vår\r\nBcc: victim@example.org',
			recipientName: 'Eva\nX-Evil: 1'
		});
		expect(message.subject).toBe('Inbjudan: Vår Bcc: victim@example.org');
		expect(message.subject).not.toMatch(/[\r\n]/);
		expect(message.text.split('\n')[0]).toBe('Hej Eva X-Evil: 1!');
	});

	it('refuses an address that is not one e-mail address', () => {
		for (const to of ['anna@example.org\r\nBcc: x@example.org', 'not an address', 'a@b.se, c@d.se']) {
			expect(() => renderMessage({ ...base, kind: 'invitation', to })).toThrow();
		}
	});
});

describe('formatDeadline', () => {
	it('shows a date as it is and a timestamp as its date in Sweden', () => {
		expect(formatDeadline('2020-05-31')).toBe('2020-05-31');
		expect(formatDeadline('2020-05-31T22:30:00Z')).toBe('2020-06-01');
		expect(formatDeadline('sometime')).toBeNull();
	});
});

describe('removePersonalLinks', () => {
	it('removes every personal link and its opt-out form, and nothing else', () => {
		const text = renderMessage({ ...base, kind: 'invitation' }).text;
		const scrubbed = removePersonalLinks(text);
		expect(scrubbed).not.toContain(token);
		expect(scrubbed).toContain('https://mognad.example/s/[borttagen]\n');
		expect(scrubbed).toContain('https://mognad.example/s/[borttagen]/avregistrera');
		expect(scrubbed.replaceAll('[borttagen]', token)).toBe(text);
	});

	it('makes controls into spaces', () => {
		expect(singleLine(' a\r\n\tb\u2028c ')).toBe('a b c');
	});
});
