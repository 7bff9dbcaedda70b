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
