/** `mognad user --help`: kept apart from the command so that printing it loads nothing else. */
export const userHelp = `Usage: mognad user create --email <address> --name <name> [--role admin|analyst|contact|viewer] [--admin]
                          [--organisation <code>] [--password-stdin]
Creates a staff account. --admin is --role admin (the first administrator, say); the default role is
analyst. An organisation contact (--role contact) needs --organisation, the official code of their unit.
The password is read from standard input with --password-stdin (at least 12 characters); otherwise a
strong one is generated and printed this once.`;
