/**
 * `npm start`: builds a preview of the archive (drafts and scheduled items shown and marked) into
 * `_preview/`, serves it at http://localhost:8080 with live reload, and keeps it up to date.
 *
 * A saved content file's page is served at once and the whole preview (lists, feeds, search) is
 * rebuilt after it (scripts/lib/preview/session.ts), while the server answers from its own thread.
 * A change to templates or assets rebuilds the whole preview; a change to `_data/` restarts this
 * script (`node --watch-path=_data` in package.json), since a module is read once per process. A
 * broken file prints its errors and the last good preview stays served.
 *
 * It also serves the browser editor at /admin/ (scripts/lib/phases/editor.ts) with its local
 * backend, decap-server on 127.0.0.1 (`--editor-port`, 8081; 0 takes any free port), which writes
 * news items, abstracts and their files into the content folder, for the preview's pages only: a
 * saved item is a saved file like any other (docs/editing.md).
 *
 * The preview listens on 127.0.0.1 unless `--host` opens it to the network; the editor's backend
 * stays on loopback whatever `--host` says.
 *
 *   npm start -- [--content <dir>] [--out _preview] [--port 8080] [--editor-port 8081] [--host 127.0.0.1]
 */
import { once } from "node:events";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { PreviewSession } from "./lib/preview/session.ts";
import { watchTrees } from "./lib/preview/watch.ts";
import { previewOrigins } from "./lib/preview/editor-backend-guard.ts";
import { optionsOrUsage, runCommand } from "./lib/util/cli.ts";
import { errorMessage } from "./lib/util/error-message.ts";
import { loopback, networkWarning } from "./lib/util/listen-address.ts";
import { repoRoot } from "./lib/util/repo-root.ts";
import { isInside } from "./lib/util/paths.ts";
import { outputFolderProblem } from "./lib/build/output-folder.ts";

const usage =
  "usage: npm start -- [--content <dir>] [--out _preview] [--port 8080] [--editor-port 8081] [--host 127.0.0.1]";

/**
 * What a changed file asks for: "content" (a file under the content folder's news/ or abstracts/:
 * its pages at once, then a whole build) or "site" (templates, assets: a whole build).
 */
export function changeKind(file: string, contentDir: string): "content" | "site" {
  return isInside(file, path.join(contentDir, "news")) || isInside(file, path.join(contentDir, "abstracts"))
    ? "content"
    : "site";
}

async function main(): Promise<void> {
  const values = optionsOrUsage("start", usage, () => {
    const { values } = parseArgs({
      options: {
        content: { type: "string" },
        out: { type: "string" },
        port: { type: "string", default: "8080" },
        "editor-port": { type: "string", default: "8081" },
        host: { type: "string", default: loopback },
      },
      strict: true,
    });
    if (values.host === "") throw new TypeError("--host must be an address, e.g. 127.0.0.1 or 0.0.0.0");
    return values;
  });
  const contentDir = path.resolve(values.content ?? path.join(repoRoot, "src"));
  const previewDir = path.resolve(values.out ?? path.join(repoRoot, "_preview"));
  const port = Number(values.port);
  // Checked here, not only by the first whole build: the preview writes an edited page into the folder at once.
  const outputProblem = outputFolderProblem(previewDir, contentDir, repoRoot);
  if (outputProblem) {
    console.error(`start: ${outputProblem}`);
    process.exit(1);
  }
  const { host } = values;
  // Eleventy resolves its input and include folders from the working directory.
  process.chdir(repoRoot);

  const { backend, url: localBackend } = await startEditorBackend(contentDir, Number(values["editor-port"]));
  let server: Worker | undefined;
  const preview = await PreviewSession.start({
    repoRoot,
    contentDir,
    outDir: previewDir,
    editor: { localBackend },
    log: (line) => console.log(line),
    onUpdated: () => server?.postMessage({ reload: true }),
  });

  // An update that fails for a reason other than content (a file unreadable, say) must not end the preview.
  const report = (error: unknown) => console.error(`the preview could not be updated: ${errorMessage(error)}`);
  const watched = [...new Set(["src", "_includes", contentDir].map((dir) => path.resolve(repoRoot, dir)))];
  // The preview's pages show the build's message while it refuses the content.
  const tellRefusal = () => server?.postMessage({ refusal: preview.refusal ?? null });
  await watchTrees(watched, (files) => {
    const kinds = new Set(files.map((file) => changeKind(file, contentDir)));
    if (kinds.has("content")) void preview.update().catch(report).then(tellRefusal);
    if (kinds.has("site")) {
      console.log("\ntemplates or assets changed: rebuilding the whole preview…");
      void preview.siteChanged().catch(report);
    }
  });
  // After a save in the editor: the preview brought up to date with it, and the build's message if
  // it refuses the content.
  backend.on("message", (message: { verdict?: number }) => {
    if (message.verdict === undefined) return;
    void preview
      .update()
      .catch(report)
      .then(() => {
        tellRefusal();
        backend.postMessage({ verdict: message.verdict, refusal: preview.refusal ?? null });
      });
  });
  console.log(`watching ${watched.map((dir) => path.relative(repoRoot, dir) || ".").join(", ")} for changes`);

  await preview.idle();
  server = new Worker(new URL("./lib/preview/server-thread.mjs", import.meta.url), {
    workerData: { dir: previewDir, port, host },
  });
  server.on("error", (error) => stop(`the preview's server stopped: ${errorMessage(error)}`));
  const [reply] = (await once(server, "message")) as [{ url: string } | { error: string }];
  if ("error" in reply)
    stop(`the preview could not listen on ${host} port ${port}: ${reply.error}; choose another with --host or --port`);
  const { url } = reply;
  tellRefusal();
  // Now that the preview's address is known, its pages may write through the editor's backend.
  backend.postMessage({ origins: previewOrigins(host, Number(new URL(url).port)) });
  const warning = networkWarning(
    host,
    "the preview with its drafts and scheduled items, and the editor at /admin/ " +
      "(its backend stays on 127.0.0.1: saving works from this computer only)",
  );
  if (warning) console.log(warning);
  console.log(`serving ${url}`);
  console.log(`editor at ${new URL("admin/", url).href}, saving into ${contentDir} through ${localBackend}`);
}

/**
 * Starts decap-server on its own thread, on loopback, writing into the content folder; resolves
 * with its thread and its API's address.
 */
async function startEditorBackend(contentDir: string, port: number): Promise<{ backend: Worker; url: string }> {
  const backend = new Worker(new URL("./lib/preview/editor-backend-thread.mjs", import.meta.url), {
    workerData: { port, contentDir },
    env: { ...process.env, GIT_REPO_DIRECTORY: contentDir },
  });
  backend.on("error", (error) => stop(`the editor's local backend stopped: ${errorMessage(error)}`));
  const [reply] = (await once(backend, "message")) as [{ url: string } | { error: string }];
  if ("error" in reply)
    stop(
      `the editor's local backend could not listen on 127.0.0.1:${port}: ${reply.error}; ` +
        "choose another port with --editor-port",
    );
  return { backend, url: reply.url };
}

/** Ends `npm start` with one line: a server it cannot run. */
function stop(message: string): never {
  console.error(message);
  process.exit(1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runCommand("start", main);
