/**
 * `npm start`: builds a preview of the archive (drafts and scheduled items shown and marked) into
 * `_preview/`, serves it at http://localhost:8080 with live reload, and rebuilds when content,
 * templates, data or styles change. A failed rebuild prints its errors and keeps serving the last
 * good preview. Each rebuild runs the real build script in a fresh process, so edited data files
 * and templates are always re-read.
 *
 *   npm start -- [--content <dir>] [--port 8080]
 */
import { spawn } from "node:child_process";
import { watch } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import EleventyDevServer from "@11ty/eleventy-dev-server";
import { repoRoot } from "./build.ts";

const { values } = parseArgs({
  options: { content: { type: "string" }, port: { type: "string", default: "8080" } },
  strict: true,
});
const contentDir = path.resolve(values.content ?? path.join(repoRoot, "src"));
const previewDir = path.join(repoRoot, "_preview");
const port = Number(values.port);

function runBuild(): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.join(repoRoot, "scripts/build.ts"), "--preview", "--content", contentDir, "--out", previewDir],
      { cwd: repoRoot, stdio: "inherit" },
    );
    child.on("close", (code) => resolve(code === 0));
  });
}

let building: Promise<void> | undefined;
let again = false;

/** Rebuilds once for any burst of changes; a change during a build queues exactly one more. */
function rebuild(server: EleventyDevServer): void {
  if (building) {
    again = true;
    return;
  }
  building = (async () => {
    do {
      again = false;
      console.log("\nrebuilding…");
      if (await runBuild()) server.reload();
      else console.log("preview not updated: fix the errors above and save again");
    } while (again);
    building = undefined;
  })();
}

if (!(await runBuild())) console.log("the first build failed: serving what _preview/ holds; fix the errors above and save");
const server = EleventyDevServer.getServer("archive", previewDir, { port, liveReload: true, domDiff: false });
server.serve(port);

const watched = [...new Set(["src", "_includes", "_data", path.relative(repoRoot, contentDir)].map((dir) => path.resolve(repoRoot, dir)))];
let timer: NodeJS.Timeout | undefined;
for (const dir of watched) {
  watch(dir, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => rebuild(server), 100);
  });
}
console.log(`watching ${watched.map((dir) => path.relative(repoRoot, dir) || ".").join(", ")} for changes`);
