/**
 * The preview session's process, started by scripts/start.ts with an IPC channel. It holds the
 * session (./session.ts) and answers the server's messages: `{ type: "content" }` when a content
 * file changed. It sends `{ type: "ready" }` once the first build is done, and `{ type: "reload" }`
 * whenever served pages changed. scripts/start.ts replaces the whole process when templates, data
 * or assets change, so that they are read afresh.
 *
 *   node --import tsx scripts/lib/preview/session-process.ts '{"contentDir": …, "outDir": …}'
 */
import { PreviewSession, type PreviewSessionOptions } from "./session.ts";

export type SessionRequest = { type: "content" };
export type SessionReply = { type: "ready" } | { type: "reload" };

const send = (reply: SessionReply) => process.send?.(reply);
const options = JSON.parse(process.argv[2] ?? "{}") as Omit<PreviewSessionOptions, "log" | "onUpdated">;
// Eleventy resolves its input and include folders from the working directory.
process.chdir(options.repoRoot);

let ready = false;
const session = await PreviewSession.start({
  ...options,
  log: (line) => console.log(line),
  onUpdated: () => {
    if (ready) send({ type: "reload" });
  },
});

let updating = false;
let again = false;

/** One update for any burst of changes; a change during an update queues exactly one more. */
async function update(): Promise<void> {
  if (updating) {
    again = true;
    return;
  }
  updating = true;
  try {
    do {
      again = false;
      await session.update();
    } while (again);
  } catch (error) {
    console.error(`the preview session failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  } finally {
    updating = false;
  }
}

process.on("message", (request: SessionRequest) => {
  if (request.type === "content") void update();
});

let closing = false;
async function close(): Promise<void> {
  if (closing) return;
  closing = true;
  await session.close();
  process.exit(0);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void close());
// The server went away (stopped, or killed): so does the session, with its background build.
process.on("disconnect", () => void close());

await session.idle();
ready = true;
send({ type: "ready" });
