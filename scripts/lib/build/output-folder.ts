/**
 * Where a build (or a snapshot) may publish. Publishing replaces the output folder as a whole, so
 * an output folder must be one this project wrote, or empty, or absent: never the content, the
 * project's own files, or a folder of someone's documents. Checked before anything is written.
 */
import { outputMarker } from "../model/outputs.ts";
import {
  accessSync,
  constants,
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { printable, systemErrorMessage } from "../util/error-message.ts";
import { pluralise } from "../util/format.ts";
import { displayPath, isInside } from "../util/paths.ts";

/** The project's own folders: never an output folder, nor inside one. */
export const projectFolders = ["src", "_data", "_includes", "scripts", "test"];

/**
 * Where inside the project an output may go, all ignored by git: the build's and the preview's
 * folders, and anything inside the folders snapshots and the bench write into.
 */
const projectOutputs = { exactly: ["_site", "_preview"], inside: ["snapshots", "bench/work"] };

const markerText =
  "iap-news-archive build output\n" +
  "This folder was written by the IAP News Archive's build (npm run build); the next build replaces it whole.\n";

export function writeOutputMarker(siteDir: string): void {
  writeFileSync(path.join(siteDir, outputMarker), markerText);
}

/**
 * What a kind of output folder is called in messages, and why an existing one is not of that kind
 * (undefined when it is).
 */
export interface OutputKind {
  /** "build", "snapshot": in "no build wrote". */
  writer: string;
  /** Why the existing, non-empty folder `dir` is not one this kind of output wrote; undefined when it is. */
  foreign(dir: string, entries: readonly string[]): string | undefined;
}

/** A site folder a build wrote: it holds the marker, or, written before the marker existed, a build's own files. */
export const siteOutput: OutputKind = {
  writer: "build",
  foreign: (dir, entries) => (hasMarker(dir) || isEarlierBuild(dir) ? undefined : holdsForeign(dir, entries, "build")),
};

/**
 * Why `outDir` may not be the output folder of a build of `contentDir`, and what to use instead;
 * undefined if it may.
 */
export function outputFolderProblem(
  outDir: string,
  contentDir: string,
  repoRoot: string,
  kind: OutputKind = siteOutput,
): string | undefined {
  const problem = refusal(outDir, contentDir, repoRoot, kind);
  if (!problem) return undefined;
  const candidates =
    kind === siteOutput
      ? [path.join(path.dirname(realPath(contentDir)), "_site"), path.join(repoRoot, "_site")]
      : [path.join(repoRoot, "snapshots", path.basename(outDir))];
  const instead = candidates.find((candidate) => refusal(candidate, contentDir, repoRoot, kind) === undefined);
  if (problem.advice === "none") return printable(`--out ${displayPath(outDir)} ${problem.reason}`);
  const advice =
    problem.advice === "foreign" ? `choose an empty folder or one a ${kind.writer} wrote` : "use a folder of its own";
  const adviceText = instead
    ? `; ${advice}, e.g. --out ${displayPath(instead)}`
    : problem.advice === "foreign"
      ? `; ${advice}`
      : "";
  return printable(`--out ${displayPath(outDir)} ${problem.reason}${adviceText}`);
}

/**
 * Why not, and which advice follows: a folder of its own, an empty one or a build's, or none (the
 * reason gives its own).
 */
interface Refusal {
  reason: string;
  advice: "own" | "foreign" | "none";
}

function refusal(outDir: string, contentDir: string, repoRoot: string, kind: OutputKind): Refusal | undefined {
  const out = realPath(outDir);
  const content = realPath(contentDir);
  const refuse = (reason: string): Refusal => ({ reason, advice: "own" });
  if (out === path.parse(out).root)
    return refuse("is the root folder: publishing replaces the output folder, and everything in it would be deleted");
  if (out === content)
    return refuse("is the content folder: publishing would replace every content file with the site");
  if (isInside(content, out))
    return refuse(`contains the content folder ${displayPath(contentDir)}: publishing would delete it`);
  if (isInside(out, content))
    return refuse(
      `is inside the content folder ${displayPath(contentDir)}: ` +
        "the site would be written into the content and read back as content",
    );
  const root = realPath(repoRoot);
  for (const folder of projectFolders.map((name) => path.join(root, name))) {
    if (out === folder || isInside(folder, out))
      return refuse(
        `${out === folder ? "is" : "contains"} the project's folder ${path.basename(folder)}/: ` +
          "publishing would delete it",
      );
    if (isInside(out, folder))
      return refuse(
        `is inside the project's folder ${path.basename(folder)}/: ` +
          "the site must not be mixed with the project's own files",
      );
  }
  if ((out === root || isInside(out, root)) && !isProjectOutput(path.relative(root, out))) {
    return refuse(
      `is a folder of the project, not one of its outputs: inside the project a ${kind.writer} writes only ` +
        "to _site, _preview, snapshots/… or bench/work/…, and publishing would replace it",
    );
  }
  let entry;
  try {
    entry = lstatSync(out);
  } catch {
    return writableProblem(out);
  }
  if (!entry.isDirectory())
    return refuse(
      "is a file, not a folder: publishing replaces the output folder as a whole, and would delete the file",
    );
  if (mountPoints().has(out)) {
    const inside = printable(displayPath(path.join(outDir, "site")));
    return {
      reason:
        "is a mount point (a disk, or a bind mount): publishing replaces the output folder by renaming it, " +
        `which a mount point does not allow; build into a folder inside it, e.g. --out ${inside}`,
      advice: "none",
    };
  }
  const entries = readdirSync(out);
  const foreign = entries.length > 0 ? kind.foreign(out, entries) : undefined;
  if (foreign) return { reason: foreign, advice: "foreign" };
  return writableProblem(out);
}

function isProjectOutput(relative: string): boolean {
  const posix = relative.split(path.sep).join("/");
  return (
    projectOutputs.exactly.includes(posix) || projectOutputs.inside.some((folder) => posix.startsWith(`${folder}/`))
  );
}

/**
 * The staging folder goes beside the output: a read-only or unwritable parent fails here, before
 * the work, rather than at the first file written (where Node reports a read-only file system as
 * a missing folder).
 */
function writableProblem(out: string): Refusal | undefined {
  let dir = path.dirname(out);
  while (!existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  try {
    accessSync(dir, constants.W_OK);
    return undefined;
  } catch (error) {
    return { reason: `cannot be written: ${systemErrorMessage(error) ?? String(error)}`, advice: "none" };
  }
}

/** "holds 3 files and 1 folder that no build wrote (a.txt, b.txt, notes/, …): publishing would delete them". */
export function holdsForeign(dir: string, entries: readonly string[], writer: string): string {
  const sorted = [...entries].sort();
  const isFolder = (name: string) => statSync(path.join(dir, name), { throwIfNoEntry: false })?.isDirectory() ?? false;
  const folders = sorted.filter(isFolder).length;
  const files = sorted.length - folders;
  const counted = [files > 0 ? pluralise(files, "file") : "", folders > 0 ? pluralise(folders, "folder") : ""]
    .filter(Boolean)
    .join(" and ");
  const shown = sorted.slice(0, 3).map((name) => (isFolder(name) ? `${name}/` : name));
  const more = sorted.length > 3 ? ", …" : "";
  return `holds ${counted} that no ${writer} wrote (${shown.join(", ")}${more}): publishing would delete them`;
}

function hasMarker(dir: string): boolean {
  try {
    return readFileSync(path.join(dir, outputMarker), "utf8").split("\n")[0] === markerText.split("\n")[0];
  } catch {
    return false;
  }
}

/**
 * A site published before builds wrote the marker: a build's own files are there, and the next
 * build adds the marker.
 */
function isEarlierBuild(dir: string): boolean {
  const has = (file: string) => statSync(path.join(dir, file), { throwIfNoEntry: false })?.isFile() ?? false;
  if (!["index.html", "404.html", "sitemap.xml", "pagefind/pagefind-entry.json"].every(has)) return false;
  try {
    return readdirSync(path.join(dir, "assets")).some((name) => /^site\.[0-9a-f]{10}\.css$/.test(name));
  } catch {
    return false;
  }
}

/** The mount points of this machine (Linux), each one a folder that cannot be renamed. */
function mountPoints(): Set<string> {
  if (process.platform !== "linux") return new Set();
  try {
    const lines = readFileSync("/proc/self/mountinfo", "utf8").split("\n");
    // The fifth field is the mount point, with space, tab, newline and backslash as octal escapes.
    return new Set(
      lines
        .map((line) =>
          (line.split(" ")[4] ?? "").replace(/\\([0-7]{3})/g, (_, octal: string) =>
            String.fromCharCode(parseInt(octal, 8)),
          ),
        )
        .filter(Boolean),
    );
  } catch {
    return new Set();
  }
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
