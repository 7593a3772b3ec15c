import { ZPassword } from '../auth/create-user.ts';

export type TAccountField = 'name' | 'email' | 'password' | 'password2';

export interface TAccountFormMessages {
	nameRequired: string;
	emailInvalid: string;
	passwordShort: string;
	passwordMismatch: string;
}

/**
 * Checks the name, e-mail and password fields of a form that creates an account (setup, new user), and
 * returns one message per wrong field, in the order of the form.
 */
export function checkAccountForm(
	values: Record<string, string | undefined>,
	messages: TAccountFormMessages,
	options: { repeat: boolean }
): Array<{ field: TAccountField; message: string }> {
	const errors: Array<{ field: TAccountField; message: string }> = [];
	if (!values.name?.trim()) errors.push({ field: 'name', message: messages.nameRequired });
	if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email?.trim() ?? ''))
		errors.push({ field: 'email', message: messages.emailInvalid });
	if (!ZPassword.safeParse(values.password ?? '').success)
		errors.push({ field: 'password', message: messages.passwordShort });
	else if (options.repeat && values.password !== values.password2)
		errors.push({ field: 'password2', message: messages.passwordMismatch });
	return errors;
}
