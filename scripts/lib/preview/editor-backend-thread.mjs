// The editor's local backend for `npm start`: Decap CMS's decap-server, in its file-system mode,
// reading and writing the content folder with no account. On its own thread, so that the editor
// answers while a preview build keeps the main thread busy; on loopback only, as it has no sign-in.
// decap-server takes its folder from GIT_REPO_DIRECTORY (set by scripts/start.ts for this thread).
// workerData: { port }. Posts { url } once listening, or { error } if it cannot listen.
//
// GET /verdict answers what the preview makes of the content after a save: { refusal } holds the
// build's own message while it refuses the content, null otherwise. The editor's page asks after
// each save (src/assets/editor/admin-page.ts); the main thread answers { verdict: id, refusal }.
import { parentPort, workerData } from "node:worker_threads";
import express from "express";
// A bundled CommonJS module whose names Node cannot see from an import: its default export holds them.
import decapServer from "decap-server/dist/middlewares.js";

const app = express();
await decapServer.registerLocalFs(app, { logLevel: "warn" });

const waiting = new Map();
let asked = 0;
parentPort?.on("message", ({ verdict, refusal }) => {
  waiting.get(verdict)?.(refusal);
  waiting.delete(verdict);
});
// After decap-server's middlewares: its CORS rule (localhost pages only) applies here too.
app.get("/verdict", (_request, response) => {
  const id = ++asked;
  waiting.set(id, (refusal) => response.json({ refusal }));
  parentPort?.postMessage({ verdict: id });
});

const server = app.listen(workerData.port, "127.0.0.1", () => {
  parentPort?.postMessage({ url: `http://127.0.0.1:${server.address().port}/api/v1` });
});
server.on("error", (error) => parentPort?.postMessage({ error: error.message }));
