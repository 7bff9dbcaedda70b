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
let session: PreviewSession | undefined;
let updating = false;
let again = false;

/** One update for any burst of changes; a change during an update (or during start-up) queues exactly one more. */
async function update(): Promise<void> {
  if (updating || !session) {
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

// Listening before the session starts: start-up takes seconds at 10k (its background build is
// already running), and a message or signal meanwhile must not be lost or leave the build behind.
process.on("message", (request: SessionRequest) => {
  if (request.type === "content") void update();
});

const starting = PreviewSession.start({
  ...options,
  log: (line) => console.log(line),
  onUpdated: () => {
    if (ready) send({ type: "reload" });
  },
});

let closing = false;
async function close(): Promise<void> {
  if (closing) return;
  closing = true;
  await (await starting.catch(() => undefined))?.close();
  process.exit(0);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void close());
// The server went away (stopped, or killed): so does the session, with its background build.
process.on("disconnect", () => void close());

session = await starting;
if (again) void update();
await session.idle();
ready = true;
send({ type: "ready" });
