import { z } from 'zod';
import { m } from '../../paraglide/messages.js';

// The fields that name a person, the same on every form that has them (accounts, the first
// administrator, participants, personal data); each form gives the message in the page's language.

/** A person's name: trimmed, not empty, at most 200 characters. */
export const nameField = (message: string) => z.string(message).trim().min(1, message).max(200, message);

/** An e-mail address: trimmed, at most 254 characters (the longest an SMTP path can carry), an address. */
export const emailField = (message: string) =>
	z.string(message).trim().max(254, message).pipe(z.email(message));

/** The address field of the personal-data forms, lower case as accounts and participants store it. */
export const personEmail = () => emailField(m.dashboard_error_email()).transform((e) => e.toLowerCase());
