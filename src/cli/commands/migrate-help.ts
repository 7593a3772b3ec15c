/** `mognad migrate --help`: kept apart from the command so that printing it loads nothing else. */
export const migrateHelp = `Usage: mognad migrate
Applies pending database migrations and loads the built-in organisations and questionnaires.`;
