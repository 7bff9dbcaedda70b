/**
 * What the build's phases share (scripts/lib/phases/build.ts lists them in order): the options, the
 * staging folder they all write into, and the error a phase throws when it fails.
 */
import type { Archive, Period } from "../model/archive.ts";
import type { SearchPlan } from "../search/pagefind.ts";
import type { SnapshotInfo } from "../snapshot/info.ts";
import { formatMs } from "../util/format.ts";
import { errorMessage, isSystemError } from "../util/error-message.ts";

export interface BuildOptions {
  /** Folder with news/ and abstracts/. */
  contentDir: string;
  outDir: string;
  /** Include drafts and items dated in the future, marked as such (for `npm start`). */
  preview?: boolean;
  /** The build's "now"; items dated after it are withheld. */
  now?: Date;
  /** Write and register the service worker for offline reading (default: on, except in previews and snapshots). */
  serviceWorker?: boolean;
  /**
   * Serve the site from this folder, e.g. "/archive/" (default: `basePath` in _data/site.ts, or the
   * path of its `url`).
   */
  basePath?: string;
  /**
   * Which pages the check phase validates with html-validate: a sample of each template (default;
   * every page would take longer than the rest of the build) or "all" (the tests).
   */
  validateHtml?: "sample" | "all";
  /** Pages per Eleventy run (default `pagesPerRun` in scripts/lib/phases/render.ts); for tests. */
  pagesPerRun?: number;
  /** Articles per Pagefind index part (default `maxIndexPages` in scripts/lib/search/pagefind.ts); for tests. */
  maxIndexPages?: number;
  /** Where processed images and PDF texts are kept between builds (default `.cache/media` in the repository). */
  mediaCacheDir?: string;
  /** Only the news and abstracts of these years (and the conferences held in them); see `Archive`. */
  period?: Period;
  /**
   * Build an archivist snapshot (scripts/lib/build/make-snapshot.ts): a banner and an about page
   * rendered from this, and no service worker.
   */
  snapshot?: SnapshotInfo;
  /**
   * Phases run in this order after the offline phase, before the check: a snapshot's warc and
   * snapshot phases (scripts/lib/phases/warc.ts, snapshot.ts), so that the check verifies the
   * snapshot as it ships.
   */
  extraPhases?: readonly Phase<StagedBuild, unknown>[];
  /**
   * Write the editor to /admin/ with this local backend (npm start's decap-server on loopback),
   * whatever _data/site.ts says (scripts/lib/phases/editor.ts).
   */
  editor?: { localBackend: string };
  log?: (line: string) => void;
}

/** The validated archive and where its site is being staged: what every phase after validate reads. */
export interface StagedBuild {
  options: BuildOptions;
  archive: Archive;
  /** The staging folder; published whole by the last phase, discarded if any phase fails. */
  siteDir: string;
  /** Whether this build has a service worker (not in previews and snapshots). */
  serviceWorker: boolean;
  /** What the search index holds and how it is written: read by the render and search phases. */
  search: SearchPlan;
  log: (line: string) => void;
}

/** One step of the build: its name in the report, its work, and the line saying what it did. */
export interface Phase<Input, Result> {
  name: string;
  run(input: Input): Result | Promise<Result>;
  describe(result: Result): string;
}

/** Thrown when a phase fails; the output folder has not been touched. */
export class BuildError extends Error {
  constructor(
    readonly phase: string,
    message: string,
  ) {
    super(message);
    this.name = "BuildError";
  }
}

/**
 * Runs a step of a phase that may throw anything, reporting a failure as that phase's BuildError,
 * "<what>: <why>". Without `what`, only system errors (a full disk, a read-only folder) become one,
 * in their one line, naming `where` when the error names no file: any other error is a fault of
 * the build, thrown on with its stack.
 */
export async function failingAs<T>(
  phase: string,
  what: string | undefined,
  run: () => T | Promise<T>,
  where?: string,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof BuildError) throw error;
    if (what !== undefined) throw new BuildError(phase, `${what}: ${errorMessage(error, where)}`);
    if (isSystemError(error)) throw new BuildError(phase, errorMessage(error, where));
    throw error;
  }
}

/**
 * One phase's line of the build's report: name, what it did, when it started (after the build did:
 * phases that overlap show it) and how long it took.
 */
export function phaseLine(name: string, description: string, ms: number, start?: number): string {
  const at = start === undefined ? "" : ` ${`at ${formatMs(start)}`.padStart(10)}`;
  return `${name.padEnd(9)} ${description.padEnd(58)}${at} ${formatMs(ms).padStart(8)}`;
}

/**
 * Waits for every phase running at once, then fails with the first failure, if any: a phase that
 * failed early must not leave another (Pagefind's process) writing into the staging folder as it is
 * discarded.
 */
export async function allSettledOrFirstError<T extends readonly unknown[]>(runs: {
  [K in keyof T]: Promise<T[K]>;
}): Promise<T> {
  const results = await Promise.allSettled(runs);
  const failed = results.find((result) => result.status === "rejected");
  if (failed) throw failed.reason;
  return results.map((result) => (result as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
