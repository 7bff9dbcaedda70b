// The preview's web server (Eleventy's dev server, with live reload) on a thread of its own: the
// build the preview runs after each edit keeps the main thread busy for seconds at a time, and the
// edited page must be served meanwhile. Plain JavaScript: worker threads do not inherit `--import tsx`.
// workerData: { dir, port }. Posts { url } once listening; any message it receives reloads the browsers.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import EleventyDevServer from "@11ty/eleventy-dev-server";

/**
 * The editor's page (/admin/) is served without the live-reload client: every save rebuilds the
 * preview, and a reload would throw away what staff are typing. The dev server adds its client to
 * HTML sent as a string, not to bytes.
 */
async function editorPageWithoutReload(request, response, next) {
  if (!/^\/admin\/(?:index\.html)?(?:\?|$)/.test(request.url ?? "")) return next();
  try {
    const page = await readFile(path.join(workerData.dir, "admin", "index.html"));
    response.setHeader("Content-Type", "text/html; charset=utf-8");
    response.end(page);
  } catch {
    next();
  }
}

const server = EleventyDevServer.getServer("archive", workerData.dir, {
  port: workerData.port,
  liveReload: true,
  domDiff: false,
  middleware: [editorPageWithoutReload],
});
server.serve(workerData.port);
await server.ready();
parentPort?.postMessage({ url: server.getServerUrl("localhost") });
parentPort?.on("message", () => server.reload());
