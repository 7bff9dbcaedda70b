/** `npm start` for real, for the tests: started on free ports, its output read line by line. */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { repoRoot } from "./site.ts";

export interface RunningPreview {
  /** The preview's address, without the final slash: http://localhost:PORT */
  base: string;
  /** The editor's local backend's API (decap-server on loopback). */
  backend: URL;
  /** Every line printed so far. */
  output: string[];
  /** The next line printed that matches `wanted` (earlier lines do not count); fails if npm start exits first. */
  nextLine(wanted: RegExp): Promise<string>;
  /** Whether the process still runs. */
  running(): boolean;
  stop(): void;
}

/** Runs `npm start -- --content <contentDir> --out <outDir> --port 0 --editor-port 0 [...args]` until it serves. */
export async function startPreview(contentDir: string, outDir: string, args: string[] = []): Promise<RunningPreview> {
  const start = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/start.ts",
      "--content",
      contentDir,
      "--out",
      outDir,
      "--port",
      "0",
      "--editor-port",
      "0",
      ...args,
    ],
    {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const output: string[] = [];
  const waiting: { wanted: RegExp; resolve: (line: string) => void }[] = [];
  createInterface({ input: start.stdout }).on("line", (line) => {
    output.push(line);
    for (const waiter of waiting.filter(({ wanted }) => wanted.test(line))) {
      waiting.splice(waiting.indexOf(waiter), 1);
      waiter.resolve(line);
    }
  });
  let exitCode: number | null | undefined;
  const exited = new Promise<never>((_, reject) =>
    start.once("exit", (code) => {
      exitCode = code;
      reject(new Error(`npm start exited (${code}):\n${output.join("\n")}`));
    }),
  );
  // Only the lines waited for reject; a test that stops the process does not fail.
  exited.catch(() => undefined);
  const nextLine = (wanted: RegExp) =>
    Promise.race([new Promise<string>((resolve) => waiting.push({ wanted, resolve })), exited]);
  const served = nextLine(/^serving http/);
  const editorLine = nextLine(/^editor at /);
  const base = (await served).replace(/^serving /, "").replace(/\/$/, "");
  const backend = new URL(/ through (\S+)$/.exec(await editorLine)?.[1] ?? "");
  return { base, backend, output, nextLine, running: () => exitCode === undefined, stop: () => start.kill() };
}
