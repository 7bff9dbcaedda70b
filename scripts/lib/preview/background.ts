/**
 * The preview's background pass, started once an edit's own pages are served. Two processes, one
 * after the other:
 *
 * 1. The search index first: Pagefind's command line indexes the article pages the preview
 *    already holds (the session has just rendered the edited ones and removed deleted ones, and an
 *    article's indexed text is its own page's), written beside the served index and swapped in.
 *    Skipped when the archive's index would be parted (scripts/lib/search-index.ts) or empty.
 * 2. The real build (`scripts/build.ts --preview`) of the whole preview, which brings up to date
 *    what the edit changed elsewhere (lists, year, topic, conference and speaker pages, the home
 *    page, feeds, redirects, neighbours and related links) and publishes by swapping the folder, as
 *    every build does, its own search index included.
 *
 * Search first, because it is what an author checks after an edit and, at 10k articles, half of
 * the build's time (Pagefind's 6–12 s, of 20 s here): search found an edit after 12–14 s instead
 * of 22 s, the lists came 10 s later than the build alone would have brought them. Side by side
 * (measured too: search after 19 s, lists after 29 s), the two shared the machine's two cores and
 * each was slower. A build that fails (a link to a missing page, which only its check finds) has
 * published nothing, but search already finds the edit.
 *
 * Each process runs in its own process group, so that the session can pause it (SIGSTOP) while it
 * checks a newer edit, and end it with the processes it started (SIGKILL) when that edit
 * supersedes it: a killed build never touched the output folder, except between publishing's two
 * renames, which `cancel` undoes as the next build would.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, renameSync } from "node:fs";
import path from "node:path";
import { formatMs } from "../../build.ts";
import { recoverInterruptedBuilds, removeInBackground as moveToTrash, trashDir } from "../publish.ts";
import { writeFacetFiles } from "../search-facets.ts";
import { articleGlob, bundleDir, pagefindBinary } from "../search-index.ts";

export interface BackgroundPassOptions {
  /** The repository (Eleventy resolves templates from it; scripts/build.ts is in it). */
  repoRoot: string;
  contentDir: string;
  outDir: string;
  /** The build's "now" (YYYY-MM-DD); today when absent. */
  now?: string;
  /** Index the preview's article pages before the build (step 1). */
  quickIndex: boolean;
  /** Each line the build prints, and the pass's own. */
  log: (line: string) => void;
}

/** Where the quick index is written, inside the preview, before it replaces `pagefind/`. */
const nextBundle = `${bundleDir}.next`;

export class BackgroundPass {
  /** True when the build published the new preview; false when it failed or was cancelled. */
  readonly done: Promise<boolean>;
  readonly #options: BackgroundPassOptions;
  readonly #children = new Set<ChildProcess>();
  #paused = false;
  #cancelled = false;
  /** The build's pid, for what a killed build leaves behind. */
  #buildPid: number | undefined;

  constructor(options: BackgroundPassOptions) {
    this.#options = options;
    this.done = this.#run();
  }

  async #run(): Promise<boolean> {
    const options = this.#options;
    if (options.quickIndex) {
      // The build indexes too: a quick index that fails only leaves search to it.
      await this.#quickIndex().catch((error: unknown) => {
        if (!this.#cancelled) options.log(`the quick search index failed (the build indexes too): ${error instanceof Error ? error.message : String(error)}`);
      });
    }
    const args = ["--import", "tsx", path.join(options.repoRoot, "scripts/build.ts"), "--preview", "--content", options.contentDir, "--out", options.outDir];
    if (options.now) args.push("--now", options.now);
    const build = this.#start(process.execPath, args, options.repoRoot, true);
    this.#buildPid = build.child?.pid;
    return (await build.done) && !this.#cancelled;
  }

  async #quickIndex(): Promise<void> {
    const { outDir, log } = this.#options;
    const started = performance.now();
    const next = path.join(outDir, nextBundle);
    if (existsSync(next)) removeInBackground(next, outDir);
    const indexed = await this.#start(pagefindBinary(), ["--site", ".", "--glob", articleGlob, "--output-subdir", nextBundle], outDir, false).done;
    if (!indexed || this.#cancelled) return;
    // The search page's facet file, as the build writes it beside the index (scripts/lib/search-facets.ts).
    await writeFacetFiles(next);
    if (this.#cancelled) return;
    const current = path.join(outDir, bundleDir);
    if (existsSync(current)) removeInBackground(current, outDir);
    renameSync(next, current);
    log(`search index updated in ${formatMs(performance.now() - started)}; lists and feeds follow`);
  }

  /** Starts a process in its own group; `done` is true when it exited with 0. */
  #start(command: string, args: string[], cwd: string, isBuild: boolean): { child?: ChildProcess; done: Promise<boolean> } {
    if (this.#cancelled) return { done: Promise.resolve(false) };
    const child = spawn(command, args, { cwd, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    this.#children.add(child);
    if (this.#paused) signal(child, "SIGSTOP");
    let output = "";
    const forward = (stream: NodeJS.ReadableStream | null) => {
      let pending = "";
      stream?.on("data", (chunk: Buffer) => {
        // Pagefind's progress is noise in the preview's log; its output is shown only if it fails.
        if (!isBuild) {
          output += chunk.toString();
          return;
        }
        const lines = (pending + chunk.toString()).split("\n");
        pending = lines.pop() ?? "";
        for (const line of lines) if (!this.#cancelled) this.#options.log(line);
      });
      stream?.on("end", () => {
        if (pending && !this.#cancelled) this.#options.log(pending);
      });
    };
    forward(child.stdout);
    forward(child.stderr);
    const done = new Promise<boolean>((resolve) => {
      child.on("error", (error) => {
        this.#children.delete(child);
        this.#options.log(`${path.basename(command)} could not start: ${error.message}`);
        resolve(false);
      });
      child.on("close", (code) => {
        this.#children.delete(child);
        if (code !== 0 && !isBuild && !this.#cancelled) this.#options.log(`the quick search index failed (the build indexes too): ${output.trim()}`);
        resolve(code === 0 && !this.#cancelled);
      });
    });
    return { child, done };
  }

  /** Stops the pass's processes where they are (with the processes they started), until `resume` or `cancel`. */
  pause(): void {
    this.#paused = true;
    for (const child of this.#children) signal(child, "SIGSTOP");
  }

  resume(): void {
    this.#paused = false;
    for (const child of this.#children) signal(child, "SIGCONT");
  }

  /**
   * Ends the pass for good. Resolves once it is gone and the output folder is as the last
   * complete build (or the session's own page renders) left it.
   */
  async cancel(): Promise<void> {
    this.#cancelled = true;
    for (const child of this.#children) signal(child, "SIGKILL");
    await this.done;
    const { outDir } = this.#options;
    const next = path.join(outDir, nextBundle);
    if (existsSync(next)) removeInBackground(next, outDir);
    // The killed build's staging folder, or the last good preview it had moved aside: as after any
    // killed build, without holding up the edit being rendered.
    if (this.#buildPid !== undefined) recoverInterruptedBuilds(outDir);
  }
}

/** Signals a child's whole process group (it was started detached, as the group's leader). */
function signal(child: ChildProcess, name: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, name);
  } catch {
    // Already gone.
  }
}

/** Moves `dir` out of the way, next to the output, and deletes it in a detached process (scripts/lib/publish.ts). */
function removeInBackground(dir: string, outDir: string): void {
  moveToTrash(dir, trashDir(outDir));
}
