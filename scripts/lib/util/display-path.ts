import path from "node:path";

/** A path as people type it: relative to where the command was run ("." for that folder itself), unless that climbs out of it. */
export function displayPath(target: string): string {
  const relative = path.relative(process.cwd(), target);
  return relative === "" ? "." : relative.startsWith("..") || path.isAbsolute(relative) ? target : relative;
}
