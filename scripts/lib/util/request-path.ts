/**
 * The file path a request names, decoded once and checked, for the project's three servers (the
 * preview, `npm run serve`, the editor's backend). A path that cannot name a file in the served
 * folder is answered 400 before a server's own code sees it: some of that code decodes the path
 * with `decodeURIComponent` and lets the URIError end the whole process.
 */

export type RequestPath = { path: string } | { refused: string };

/**
 * The decoded path of a request target ("/news/caf%C3%A9/?q=x" → "/news/café/"), or why it is
 * refused: not a URL path, percent-encoding that is not UTF-8, or a segment that decodes to a
 * "/", "\" or NUL. Dot segments, "%2e%2e" included, are resolved by the URL parser, never above "/".
 */
export function decodeRequestPath(target: string): RequestPath {
  const invalid = (why: string): RequestPath => ({
    refused: `${JSON.stringify(target)} is not a valid address: ${why}`,
  });
  let pathname: string;
  try {
    // A path target ("//x" included) is a path; an absolute one ("http://host/x") names its own.
    pathname = new URL(target.startsWith("/") ? `http://localhost${target}` : target).pathname;
  } catch {
    return invalid("not a URL path");
  }
  const segments: string[] = [];
  for (const segment of pathname.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return invalid(`${JSON.stringify(segment)} is not UTF-8 percent-encoding`);
    }
    const hidden = decoded.includes("/")
      ? '"/"'
      : decoded.includes("\\")
        ? '"\\"'
        : decoded.includes("\0")
          ? "a NUL character"
          : undefined;
    if (hidden) return invalid(`${JSON.stringify(segment)} hides ${hidden} in a path segment`);
    segments.push(decoded);
  }
  return { path: segments.join("/") };
}
