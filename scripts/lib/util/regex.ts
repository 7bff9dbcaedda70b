/**
 * The sources of `parts` joined by "|", for `new RegExp`: a long alternation written one regex
 * literal per line, each still checked as a regex, where a single literal would not fit a line.
 */
export function alternation(parts: readonly RegExp[]): string {
  return parts.map((part) => part.source).join("|");
}
