/** A command line the tool cannot run: printed as one line naming the command, exit 2. */
export class UsageError extends Error {}
