/**
 * The build's helper thread (see scripts/lib/parallel.ts): takes batches of content files to read
 * and validate until none are left, and sends back each batch's results.
 */
import { parentPort } from "node:worker_threads";
import { contentReader } from "./content.ts";
import type { HelperReply, HelperRequest } from "./parallel.ts";

const port = parentPort;
if (!port) throw new Error("helper-worker.ts runs as a worker thread of the build");
const reply = (message: HelperReply) => port.postMessage(message);

port.on("message", (request: HelperRequest) => {
  try {
    const { files, batchSize } = request;
    const claimed = new Int32Array(request.counter);
    const batches = Math.ceil(files.length / batchSize);
    const read = contentReader(request.options);
    for (let batch = Atomics.add(claimed, 0, 1); batch < batches; batch = Atomics.add(claimed, 0, 1)) {
      const start = batch * batchSize;
      reply({ type: "batch", start, results: files.slice(start, start + batchSize).map(read) });
    }
    reply({ type: "validated" });
  } catch (error) {
    reply({ type: "failed", message: error instanceof Error ? error.message : String(error) });
  }
});
