/** `mognad serve --help`: kept apart from the command so that printing it loads nothing else. */
export const serveHelp = `Usage: mognad serve [--port <n>] [--no-build]
Builds the app if the sources changed, applies migrations, loads the built-in data and serves the app.
Environment: PORT (3000), HOST (0.0.0.0), ORIGIN (the public address, default http://localhost:PORT),
DATABASE_URL (unset: embedded database in MOGNAD_DATA_DIR, default ./data), SMTP_URL (unset: e-mail goes
to the outbox), MAIL_FROM.`;
