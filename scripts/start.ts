/**
 * `npm start`: builds a preview of the archive (drafts and scheduled items shown and marked) into
 * `_preview/`, serves it at http://localhost:8080 with live reload, and keeps it up to date.
 *
 * A saved content file goes through the preview session (scripts/lib/preview/), a process that
 * keeps the content in memory: the edited article's page is rendered and served at once, and the
 * rest of the preview (lists, feeds, search) is rebuilt in the background. A change to templates,
 * data or assets replaces the session process, so that they are read afresh, and rebuilds the
 * whole preview. A broken file prints its errors and the last good preview stays served.
 *
 *   npm start -- [--content <dir>] [--port 8080]
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import EleventyDevServer from "@11ty/eleventy-dev-server";
import { repoRoot } from "./build.ts";
import type { SessionReply, SessionRequest } from "./lib/preview/session-process.ts";
import type { PreviewSessionOptions } from "./lib/preview/session.ts";
import { watchTree } from "./lib/preview/watch.ts";

/**
 * What a changed file asks for: "content" (a file under the content folder's news/ or abstracts/:
 * the session updates the preview) or "site" (templates, data, assets: a new session and a whole
 * build).
 */
export function changeKind(file: string, contentDir: string): "content" | "site" {
  const inside = (dir: string) => {
    const relative = path.relative(dir, file);
    return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
  };
  return inside(path.join(contentDir, "news")) || inside(path.join(contentDir, "abstracts")) ? "content" : "site";
}

/** The session's process; replaced when templates, data or assets change. */
class SessionProcess {
  readonly #options: Omit<PreviewSessionOptions, "log" | "onUpdated">;
  readonly #onReply: (reply: SessionReply) => void;
  #child: ChildProcess | undefined;
  #stopping: Promise<void> | undefined;

  constructor(options: Omit<PreviewSessionOptions, "log" | "onUpdated">, onReply: (reply: SessionReply) => void) {
    this.#options = options;
    this.#onReply = onReply;
  }

  start(): void {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(repoRoot, "scripts/lib/preview/session-process.ts"), JSON.stringify(this.#options)], {
      cwd: repoRoot,
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    child.on("message", (reply: SessionReply) => this.#onReply(reply));
    child.on("exit", (code, signal) => {
      if (this.#child !== child) return;
      this.#child = undefined;
      console.log(`the preview session stopped (${signal ?? `code ${code}`}); save a file to start it again`);
    });
    this.#child = child;
  }

  /** A content file changed. */
  notify(): void {
    if (!this.#child) this.start();
    else this.#child.send({ type: "content" } satisfies SessionRequest);
  }

  /** Templates, data or assets changed: a new session, which builds the whole preview. */
  async restart(): Promise<void> {
    await this.stop();
    this.start();
  }

  stop(): Promise<void> {
    const child = this.#child;
    if (!child) return this.#stopping ?? Promise.resolve();
    this.#child = undefined;
    // The session ends its background build itself before it exits.
    this.#stopping = new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
    return this.#stopping;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { content: { type: "string" }, port: { type: "string", default: "8080" } },
    strict: true,
  });
  const contentDir = path.resolve(values.content ?? path.join(repoRoot, "src"));
  const previewDir = path.join(repoRoot, "_preview");
  const port = Number(values.port);

  let server: EleventyDevServer | undefined;
  const session = new SessionProcess({ repoRoot, contentDir, outDir: previewDir }, (reply) => {
    if (reply.type === "reload") server?.reload();
    if (reply.type === "ready") {
      // The first session's first build is done: serve. A later session's: show its build.
      if (server) server.reload();
      else {
        server = EleventyDevServer.getServer("archive", previewDir, { port, liveReload: true, domDiff: false });
        server.serve(port);
      }
    }
  });
  session.start();

  const watched = [...new Set(["src", "_includes", "_data", contentDir].map((dir) => path.resolve(repoRoot, dir)))];
  let contentTimer: NodeJS.Timeout | undefined;
  let siteTimer: NodeJS.Timeout | undefined;
  let restarting = Promise.resolve();
  for (const dir of watched) {
    watchTree(dir, (file) => {
      const kind = changeKind(file, contentDir);
      if (kind === "content") {
        // Short: an editor's save is one or two events within a few milliseconds, and the edit's page should be served within a second.
        clearTimeout(contentTimer);
        contentTimer = setTimeout(() => void restarting.then(() => session.notify()), 20);
      } else {
        clearTimeout(siteTimer);
        siteTimer = setTimeout(() => {
          console.log("\ntemplates, data or assets changed: rebuilding the whole preview…");
          restarting = restarting.then(() => session.restart());
        }, 100);
      }
    });
  }
  console.log(`watching ${watched.map((dir) => path.relative(repoRoot, dir) || ".").join(", ")} for changes`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void session.stop().then(() => process.exit(130));
    });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
