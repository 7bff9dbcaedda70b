/** A folder's files in one fixed order, the order of a snapshot's manifests and zip entries. */
import { readdirSync } from "node:fs";
import path from "node:path";

/** Every file under `dir`, as sorted relative paths with forward slashes ("news/index.html"). */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort(byCodeUnits);
}

/** A fixed order that does not depend on the locale, for manifests and zip entries. */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
