import { z } from 'zod';
import { m } from '../../paraglide/messages.js';

/** The address field of the personal-data forms, with its message in the page's language. */
export const personEmail = () =>
	z
		.email(m.dashboard_error_email())
		.max(320, m.dashboard_error_email())
		.transform((e) => e.toLowerCase());
