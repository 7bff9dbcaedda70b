/** A source that cannot be read: the message is one line naming the file and record and the reason. */
export class ImportSourceError extends Error {
  override name = "ImportSourceError";
}
