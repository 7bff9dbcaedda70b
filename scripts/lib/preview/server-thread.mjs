// The preview's web server (Eleventy's dev server, with live reload) on a thread of its own: the
// build the preview runs after each edit keeps the main thread busy for seconds at a time, and the
// edited page must be served meanwhile. Plain JavaScript: worker threads do not inherit `--import tsx`.
// workerData: { dir, port }. Posts { url } once listening; any message it receives reloads the browsers.
import { parentPort, workerData } from "node:worker_threads";
import EleventyDevServer from "@11ty/eleventy-dev-server";

const server = EleventyDevServer.getServer("archive", workerData.dir, { port: workerData.port, liveReload: true, domDiff: false });
server.serve(workerData.port);
await server.ready();
parentPort?.postMessage({ url: server.getServerUrl("localhost") });
parentPort?.on("message", () => server.reload());
