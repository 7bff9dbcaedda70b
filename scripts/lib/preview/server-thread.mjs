// The preview's web server (Eleventy's dev server, with live reload) on a thread of its own: the
// build the preview runs after each edit keeps the main thread busy for seconds at a time, and the
// edited page must be served meanwhile. Plain JavaScript: worker threads do not inherit `--import
// tsx`, so tsx is registered here before the project's TypeScript modules are imported.
// workerData: { dir, port, host }. Posts { url } once listening, or { error } if it cannot listen.
// It receives { reload: true } to reload the browsers, and { refusal } (the build's message, or null)
// whenever the build starts or stops refusing the content: the preview's pages show it
// (src/assets/preview/refusal-banner.ts, which it adds to each page beside the live-reload client).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import EleventyDevServer from "@11ty/eleventy-dev-server";
import { register } from "tsx/esm/api";

register();
const { decodeRequestPath } = await import("../util/request-path.ts");
const { foreignHost, isLoopback, localUrl } = await import("../util/listen-address.ts");
const { errorMessage } = await import("../util/error-message.ts");
const { bundleScript, scriptEntries } = await import("../build/browser-scripts.ts");
const { refusalBannerPath, refusalEventsPath } = await import("../../../src/assets/shared/preview-paths.ts");
const { repoRoot } = await import("../util/repo-root.ts");

const refusalBanner = await bundleScript(repoRoot, scriptEntries.previewRefusal);
/** The build's message while it refuses the content; null while it accepts it. */
let refusal = null;
/** The pages listening for it. */
const listeners = new Set();

/**
 * Eleventy's dev server, made to listen on one address, and never to end the process over one
 * request. It throws while it serves a file (a path it cannot decode, "Invalid path", a file it
 * cannot read or that a build's swap removed), and the rejection is left unhandled when a
 * middleware before it is async, which ends the thread and with it `npm start`: the request gets
 * a 500 instead.
 */
class PreviewServer extends EleventyDevServer {
  // Its own listen takes every interface (and so does its retry on the next port when one is taken).
  _serverListen(port) {
    this.server.listen({ port, host: workerData.host });
  }

  eleventyProjectMiddleware(request, response) {
    try {
      return super.eleventyProjectMiddleware(request, response);
    } catch (error) {
      answerFailure(request, response, error);
    }
  }

  /**
   * The live-reload client, always as a file: the dev server inlines it into a page answered with
   * another status than 200 (the 404 page), where the page's own policy blocks inline scripts. And
   * the preview's own script, the build's refusal shown in the page.
   */
  augmentContentWithNotifier(content, _inline, options) {
    const withReload = super.augmentContentWithNotifier(content, false, options);
    const script = `<script type="module" src="${refusalBannerPath}"></script>`;
    return withReload.includes("</head>") ? withReload.replace("</head>", `${script}</head>`) : withReload + script;
  }

  async onRequestHandler(request, response) {
    try {
      await super.onRequestHandler(request, response);
    } catch (error) {
      answerFailure(request, response, error);
    }
  }
}

function answerFailure(request, response, error) {
  console.error(`the preview could not answer ${request.method} ${JSON.stringify(request.url)}: ${errorMessage(error)}`);
  if (response.headersSent) return response.destroy();
  response.statusCode = 500;
  response.setHeader("Content-Type", "text/plain; charset=utf-8");
  response.end(Buffer.from(`server error: ${errorMessage(error)}\n`));
}

/**
 * On loopback, a request must name the preview by its loopback address: a page that reaches it
 * through DNS rebinding names its own host, and would read the drafts. A path that cannot name a
 * file is answered 400 before the dev server decodes it.
 */
function refuseBadRequests(request, response, next) {
  const answer = (status, text) => {
    const body = Buffer.from(`${text}\n`);
    response.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Content-Length": body.length });
    response.end(body);
  };
  const foreign = isLoopback(workerData.host) ? foreignHost(request.headers.host, server.server.address().port) : undefined;
  if (foreign) return answer(403, `refused: ${foreign}`);
  const target = decodeRequestPath(request.url ?? "/");
  if ("refused" in target) return answer(400, `bad request: ${target.refused}`);
  next();
}

/** The preview's own answers: its script, and the build's refusal as server-sent events. */
function previewAnswers(request, response, next) {
  const target = new URL(request.url ?? "/", "http://localhost").pathname;
  if (target === refusalBannerPath) {
    response.writeHead(200, { "Content-Type": "text/javascript; charset=utf-8", "Content-Length": refusalBanner.length, "Cache-Control": "no-cache" });
    return response.end(refusalBanner);
  }
  if (target !== refusalEventsPath) return next();
  response.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache" });
  response.write(refusalEvent());
  listeners.add(response);
  request.on("close", () => listeners.delete(response));
}

// Bytes: the dev server holds back what is written as a string (to add its client to HTML) until the answer ends.
const refusalEvent = () => Buffer.from(`data: ${JSON.stringify({ refusal })}\n\n`);

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

const server = new PreviewServer("archive", workerData.dir, {
  port: workerData.port,
  liveReload: true,
  domDiff: false,
  middleware: [refuseBadRequests, previewAnswers, editorPageWithoutReload],
});
server.server.on("error", (error) => {
  if (error.code !== "EADDRINUSE") parentPort?.postMessage({ error: error.message });
});
server.serve(workerData.port);
await server.ready();
parentPort?.postMessage({ url: `${localUrl(workerData.host, server.server.address().port)}/` });
parentPort?.on("message", (message) => {
  if (message.reload) server.reload();
  if (message.refusal === undefined || message.refusal === refusal) return;
  refusal = message.refusal;
  for (const listener of listeners) listener.write(refusalEvent());
});
