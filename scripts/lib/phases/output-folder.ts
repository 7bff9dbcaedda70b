/**
 * Where a build may publish. Publishing replaces the output folder as a whole, so an output folder
 * that is, holds or sits inside the content (or the project's own sources) would delete them, and
 * one that is a file would be replaced by a folder. Checked before the build writes anything.
 */
import { lstatSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { displayPath, isInside } from "../util/paths.ts";

/** The project's own folders: never an output folder, nor inside one. */
export const projectFolders = ["src", "_data", "_includes", "scripts", "test"];

/** Why `outDir` may not be the output folder of a build of `contentDir`, and what to use instead; undefined if it may. */
export function outputFolderProblem(outDir: string, contentDir: string, repoRoot: string): string | undefined {
  const problem = refusal(outDir, contentDir, repoRoot);
  if (!problem) return undefined;
  const instead = [path.join(path.dirname(realPath(contentDir)), "_site"), path.join(repoRoot, "_site")].find(
    (candidate) => refusal(candidate, contentDir, repoRoot) === undefined,
  );
  return `--out ${displayPath(outDir)} ${problem}${instead ? `; use a folder of its own, e.g. --out ${displayPath(instead)}` : ""}`;
}

function refusal(outDir: string, contentDir: string, repoRoot: string): string | undefined {
  const out = realPath(outDir);
  const content = realPath(contentDir);
  if (out === path.parse(out).root) return "is the root folder: publishing replaces the output folder, and everything in it would be deleted";
  if (out === content) return "is the content folder: publishing would replace every content file with the site";
  if (isInside(content, out)) return `contains the content folder ${displayPath(contentDir)}: publishing would delete it`;
  if (isInside(out, content)) return `is inside the content folder ${displayPath(contentDir)}: the site would be written into the content and read back as content`;
  const root = realPath(repoRoot);
  for (const folder of projectFolders.map((name) => path.join(root, name))) {
    if (out === folder || isInside(folder, out)) return `${out === folder ? "is" : "contains"} the project's folder ${path.basename(folder)}/: publishing would delete it`;
    if (isInside(out, folder)) return `is inside the project's folder ${path.basename(folder)}/: the site must not be mixed with the project's own files`;
  }
  let entry;
  try {
    entry = lstatSync(out);
  } catch {
    return undefined;
  }
  if (!entry.isDirectory()) return "is a file, not a folder: publishing replaces the output folder as a whole, and would delete the file";
  return undefined;
}


/** The absolute path with symbolic links resolved, for as much of it as exists. */
function realPath(dir: string): string {
  const absolute = path.resolve(dir);
  const rest: string[] = [];
  let existing = absolute;
  for (;;) {
    try {
      statSync(existing);
      return path.join(realpathSync(existing), ...rest.reverse());
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return absolute;
      rest.push(path.basename(existing));
      existing = parent;
    }
  }
}

