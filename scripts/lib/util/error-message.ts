/** An error's message for people, with the message of each `cause` under it; no stack. */
export function errorMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const causes: string[] = [error.message];
  let cause = error.cause;
  while (cause instanceof Error) {
    causes.push(cause.message);
    cause = cause.cause;
  }
  return causes.join("\n  caused by: ");
}
