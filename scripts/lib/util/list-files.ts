/**
 * A folder's files in one fixed order: the order of a snapshot's manifests and zip entries, of the
 * offline file list and of the check.
 */
import { readdirSync } from "node:fs";
import path from "node:path";

/**
 * Every file under `dir`, as sorted relative paths with forward slashes ("news/index.html"),
 * leaving out the top-level folders named in `skip` (not even listed: another process may be
 * writing them).
 */
export function listFiles(dir: string, skip: readonly string[] = []): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile()) files.push(entry.name);
    else if (entry.isDirectory() && !skip.includes(entry.name)) {
      for (const inner of readdirSync(path.join(dir, entry.name), { recursive: true, withFileTypes: true })) {
        if (inner.isFile())
          files.push(path.relative(dir, path.join(inner.parentPath, inner.name)).split(path.sep).join("/"));
      }
    }
  }
  return files.sort(byCodeUnits);
}

/** A fixed order that does not depend on the locale, for manifests and zip entries. */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
