/**
 * `npm test`'s runner on four files written here: uvu's counts per file, skipped tests reported,
 * a crash and a hang each counted as a failure, and the closing line.
 */
import { execFile } from "node:child_process";
import { symlinkSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { repoRoot, writeContent } from "../support/site.ts";

const uvu = 'import { test } from "uvu";\nimport * as assert from "uvu/assert";\n';
const dir = writeContent({
  "passes.test.ts":
    `${uvu}test("one", () => assert.is(1 + 1, 2));\n` +
    `test("two", () => assert.is("a".repeat(2), "aa"));\ntest.run();\n`,
  "fails-one.test.ts":
    `${uvu}test("passes", () => assert.is(1, 1));\ntest("fails", () => assert.is(1, 2));\n` +
    `test.${"skip"}("skipped", () => assert.is(1, 1));\ntest.run();\n`,
  // A child that would outlive its parent unless the runner ends the whole process group.
  "hangs.test.ts":
    `import { spawn } from "node:child_process";\n${uvu}test("never ends", async () => {\n` +
    `  spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });\n` +
    `  console.log("started, now waiting forever");\n` +
    `  await new Promise(() => setInterval(() => undefined, 1000));\n});\ntest.run();\n`,
  "crashes.test.ts": 'throw new Error("broken before any test");\n',
});
symlinkSync(path.join(repoRoot, "node_modules"), path.join(dir, "node_modules"));

const run = await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/test.ts", dir], {
  cwd: repoRoot,
  env: { ...process.env, TEST_FILE_TIMEOUT: "4" },
}).then(
  () => ({ code: 0, stdout: "" }),
  (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
);
const lines = run.stdout.split("\n");

/** A file's line as printed, without the "(1.2 s)" it ends with: the only part that varies between runs. */
function lineOf(name: string): string | undefined {
  return lines
    .find((line) => line.includes(`/${name}.test.ts `))
    ?.replace(/ \S+\/([\w-]+\.test\.ts) /, " $1 ")
    .replace(/\s+\(\d+\.\d s\)$/, "");
}

test("each file's line carries uvu's own counts, skipped tests included", () => {
  assert.is(lineOf("fails-one"), "FAIL fails-one.test.ts  1 passed, 1 failed, 1 skipped");
  assert.is(lineOf("passes"), "ok   passes.test.ts  2 passed, 0 failed");
});

test("a file that crashes before its tests, or never ends, fails with one failure and what it printed", () => {
  assert.is(lineOf("crashes"), "FAIL crashes.test.ts  0 passed, 1 failed");
  assert.is(lineOf("hangs"), "FAIL hangs.test.ts  0 passed, 1 failed");
  assert.ok(lines.includes("    started, now waiting forever"));
  assert.ok(lines.some((line) => line.endsWith("/hangs.test.ts did not finish within 4 s and was stopped.")));
});

test("the run ends with the skipped count and the closing line, and exits 1", () => {
  assert.equal(lines.slice(-3), ["1 skipped: a skipped test is a defect", "3 passed, 3 failed", ""]);
  assert.is(run.code, 1);
});

test.run();
