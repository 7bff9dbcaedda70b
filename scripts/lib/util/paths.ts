import path from "node:path";

/** A path as people type it: relative to where the command was run ("." for that folder itself), unless that climbs out of it. */
export function displayPath(target: string): string {
  const relative = path.relative(process.cwd(), target);
  return relative === "" ? "." : isInside(target, process.cwd()) ? relative : path.resolve(target);
}

/** Whether `child` is inside the folder `parent` (the folder itself is not inside itself). */
export function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}

/**
 * A file's path as a URL path, each segment percent-encoded (RFC 3986): "files/100% final.pdf" →
 * "files/100%25%20final.pdf". `new URL(path, base)` would leave a `%`, `#` or `?` in a name as it is,
 * making it an escape, a fragment or a query; the pages' links and the web archive both use this.
 */
export function urlPathOf(file: string): string {
  return file.split("/").map(encodeURIComponent).join("/");
}
