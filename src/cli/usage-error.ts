/** A mistake in how a command was called: printed with the command's help, exit code 1. */
export class UsageError extends Error {}
