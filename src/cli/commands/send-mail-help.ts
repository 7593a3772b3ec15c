/** `mognad invitations --help` and `mognad reminders --help`: kept apart from the command so that printing it
 * loads nothing else. */
export function sendMailHelp(kind: 'invitations' | 'reminders'): string {
	return `Usage: mognad ${kind} send --wave <slug> [--lang sv|en]
Queues ${kind === 'invitations' ? 'an invitation for every participant not yet invited' : 'a reminder for every invited participant who has not completed'} (not those who opted out${kind === 'reminders' ? ' or bounced' : ''}), each with a personal link, and sends them
through SMTP_URL (unset: to the outbox, readable in the admin pages). Running it again queues nothing twice.`;
}
