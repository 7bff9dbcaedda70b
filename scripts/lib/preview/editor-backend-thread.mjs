// The editor's local backend for `npm start`: Decap CMS's decap-server, in its file-system mode,
// reading and writing the content folder with no account. On its own thread, so that the editor
// answers while a preview build keeps the main thread busy; on loopback only, as it has no sign-in.
// decap-server takes its folder from GIT_REPO_DIRECTORY (set by scripts/start.ts for this thread).
// Our guard stands in front of it (scripts/lib/preview/editor-backend-guard.ts): the backend's own
// Host, the preview's Origin, and only news items, abstracts and their files.
// workerData: { port, contentDir }. Posts { url } once listening, or { error } if it cannot listen.
// The main thread sends { origins } once the preview serves: until then nothing may write.
//
// GET /verdict answers what the preview makes of the content after a save: { refusal } holds the
// build's own message while it refuses the content, null otherwise. The editor's page asks after
// each save (src/assets/editor/admin-page.ts); the main thread answers { verdict: id, refusal }.
import { parentPort, workerData } from "node:worker_threads";
import express from "express";
// A bundled CommonJS module whose names Node cannot see from an import: its default export holds them.
import decapServer from "decap-server/dist/middlewares.js";
import { register } from "tsx/esm/api";

// Worker threads do not inherit `--import tsx`.
register();
const { foreignRequest, listedKinds, pathProblem, refuseApiRequest } = await import("./editor-backend-guard.ts");
const { decodeRequestPath } = await import("../util/request-path.ts");
const { errorMessage } = await import("../util/error-message.ts");
const { formatBytes } = await import("../util/format.ts");

const { contentDir } = workerData;
/** About decap-server's own limit (50 MiB), which ours replaces: a photo or document is sent base64-encoded inside the JSON. */
const bodyLimit = 50e6;
const peers = { port: undefined, origins: [] };

const app = express();
app.disable("x-powered-by");
app.use((request, response, next) => {
  const refused = foreignRequest(request.method, request.headers, peers);
  if (refused) return response.status(403).json({ error: `refused: ${refused}` });
  // The editor page reads our refusals too, not only decap-server's answers.
  if (request.headers.origin) response.set("Access-Control-Allow-Origin", request.headers.origin).vary("Origin");
  const target = decodeRequestPath(request.url);
  if ("refused" in target) return response.status(400).json({ error: `bad request: ${target.refused}` });
  next();
});
app.use(express.json({ limit: bodyLimit }));
app.post("/api/v1", (request, response, next) => {
  if (!request.is("application/json")) return response.status(400).json({ error: "bad request: the body must be JSON (Content-Type: application/json)" });
  const refusal = refuseApiRequest(request.body, contentDir);
  if (refusal) return response.status(refusal.status).json({ error: refusal.error });
  const listed = listedKinds[request.body.action];
  if (listed) {
    const send = response.json.bind(response);
    response.json = (found) => send(Array.isArray(found) ? found.filter((item) => pathProblem(contentDir, item?.file?.path ?? item?.path, listed) === undefined) : found);
  }
  next();
});
await decapServer.registerLocalFs(app, { logLevel: "warn" });

const waiting = new Map();
let asked = 0;
parentPort?.on("message", ({ verdict, refusal, origins }) => {
  if (origins) peers.origins = origins;
  waiting.get(verdict)?.(refusal);
  waiting.delete(verdict);
});
app.get("/verdict", (_request, response) => {
  const id = ++asked;
  waiting.set(id, (refusal) => response.json({ refusal }));
  parentPort?.postMessage({ verdict: id });
});

app.use((request, response) => response.status(404).json({ error: `not found: ${request.method} ${request.path}` }));
// express.json's errors, and any other a request meets: one line, never the stack express would send.
app.use((error, request, response, _next) => {
  const status = error.type === "entity.too.large" ? 413 : Number.isInteger(error.status) && error.status < 500 ? 400 : 500;
  const message =
    error.type === "entity.too.large" ? `the body is over the limit of ${formatBytes(bodyLimit)}` : error.type === "entity.parse.failed" ? "the body is not valid JSON" : errorMessage(error);
  if (status === 500) console.error(`the editor's backend could not answer ${request.method} ${request.path}: ${message}`);
  if (response.headersSent) return response.destroy();
  response.status(status).json({ error: status === 500 ? `server error: ${message}` : `bad request: ${message}` });
});

const server = app.listen(workerData.port, "127.0.0.1", () => {
  const { port } = server.address();
  peers.port = port;
  parentPort?.postMessage({ url: `http://127.0.0.1:${port}/api/v1` });
});
server.on("error", (error) => parentPort?.postMessage({ error: error.message }));
