/**
 * The preview's background pass: the real build (`scripts/build.ts --preview`) of the whole
 * preview, in a process of its own, started once an edit's own pages are served. It brings up to
 * date what the edit changed elsewhere (lists, year, topic, conference and speaker pages, the home
 * page, feeds, redirects, neighbours and related links) and the search index, and publishes by
 * swapping the folder as every build does.
 *
 * It runs in its own process group, so that the session can pause it (SIGSTOP) while it checks a
 * newer edit, and end it together with the Pagefind process it started (SIGKILL) when that edit
 * supersedes it: a killed build never touched the output folder, except between publishing's two
 * renames, which `cancel` undoes as the next build would.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, renameSync } from "node:fs";
import path from "node:path";

export interface BackgroundBuildOptions {
  /** The repository (Eleventy resolves templates from it; scripts/build.ts is in it). */
  repoRoot: string;
  contentDir: string;
  outDir: string;
  /** The build's "now" (YYYY-MM-DD); today when absent. */
  now?: string;
  /** Each line the build prints. */
  log: (line: string) => void;
}

let trashCount = 0;

export class BackgroundBuild {
  /** True when the build published the new preview; false when it failed or was cancelled. */
  readonly done: Promise<boolean>;
  readonly #child: ChildProcess;
  readonly #outDir: string;
  #exited = false;
  #cancelled = false;

  constructor(options: BackgroundBuildOptions) {
    this.#outDir = options.outDir;
    const args = ["--import", "tsx", path.join(options.repoRoot, "scripts/build.ts"), "--preview", "--content", options.contentDir, "--out", options.outDir];
    if (options.now) args.push("--now", options.now);
    this.#child = spawn(process.execPath, args, { cwd: options.repoRoot, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    const forward = (stream: NodeJS.ReadableStream | null) => {
      let pending = "";
      stream?.on("data", (chunk: Buffer) => {
        const lines = (pending + chunk.toString()).split("\n");
        pending = lines.pop() ?? "";
        for (const line of lines) if (!this.#cancelled) options.log(line);
      });
      stream?.on("end", () => {
        if (pending && !this.#cancelled) options.log(pending);
      });
    };
    forward(this.#child.stdout);
    forward(this.#child.stderr);
    this.done = new Promise((resolve) => {
      this.#child.on("error", (error) => {
        options.log(`the background build could not start: ${error.message}`);
        this.#exited = true;
        resolve(false);
      });
      this.#child.on("close", (code) => {
        this.#exited = true;
        resolve(code === 0 && !this.#cancelled);
      });
    });
  }

  /** Stops the build where it is (with its Pagefind process), until `resume` or `cancel`. */
  pause(): void {
    this.#signal("SIGSTOP");
  }

  resume(): void {
    this.#signal("SIGCONT");
  }

  /**
   * Ends the build for good. Resolves once it is gone and the output folder is as the last
   * complete build (or the session's own page renders) left it.
   */
  async cancel(): Promise<void> {
    if (this.#exited) return;
    this.#cancelled = true;
    const pid = this.#child.pid;
    this.#signal("SIGKILL");
    await this.done;
    if (pid === undefined) return;
    // Killed between publishing's two renames: the last good preview is `<out>.old-<pid>`; put it back.
    const old = `${this.#outDir}.old-${pid}`;
    if (existsSync(old) && !existsSync(this.#outDir)) renameSync(old, this.#outDir);
    // Its staging folder holds a whole site (12,000 files at 10k): deleting it here would hold up
    // the edit being rendered, so it is moved aside and deleted by a detached `rm`.
    for (const leftover of [`${this.#outDir}.tmp-${pid}`, old]) {
      if (existsSync(leftover)) removeInBackground(leftover, this.#outDir);
    }
  }

  #signal(signal: NodeJS.Signals): void {
    const pid = this.#child.pid;
    if (this.#exited || pid === undefined) return;
    try {
      process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
  }
}

/**
 * Renames `dir` to a hidden trash folder next to the output (`.<out>.trash-<pid>-<n>`, which
 * scripts/lib/publish.ts also sweeps up if a removal died) and deletes it in a detached process.
 */
function removeInBackground(dir: string, outDir: string): void {
  const trash = path.join(path.dirname(path.resolve(outDir)), `.${path.basename(outDir)}.trash-${process.pid}-${++trashCount}`);
  renameSync(dir, trash);
  const remover = spawn("rm", ["-rf", "--", trash], { detached: true, stdio: "ignore" });
  remover.on("error", () => undefined);
  remover.unref();
}
