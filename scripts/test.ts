/**
 * Runs every test file (`test/**\/*.test.ts`) in its own Node process, two at a time, and ends
 * with one line: "N passed, N failed". Each file is a plain uvu suite that also runs alone:
 *   node --import tsx test/lib/content/dates.test.ts
 * The counts are read from the summary uvu prints at the end of each file (Total, Passed, Skipped).
 * A file that runs longer than TEST_FILE_TIMEOUT seconds (default 300) is killed and fails, with
 * what it printed so far. Pass file or folder names to run only those: npm test -- test/lib
 *
 * uvu's own CLI cannot do this: it imports every file into one process, one after the other, so a
 * file that throws while loading stops the whole run and one that hangs hangs it (it has no
 * timeout); a skipped test leaves its exit code 0; and it prints one summary (Total, Passed,
 * Skipped) for all files, not a line per file nor the failures' count.
 */
import { execFileSync, spawn } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

interface FileResult {
  file: string;
  passed: number;
  failed: number;
  skipped: number;
  output: string;
  ms: number;
}

/** The test files named, or under the folders named, outside `fixtures` and `node_modules` folders. */
function testFiles(targets: string[]): string[] {
  return targets.flatMap((target) => {
    const entry = path.resolve(root, target);
    if (!statSync(entry).isDirectory()) return entry.endsWith(".test.ts") ? [entry] : [];
    return readdirSync(entry, { recursive: true, encoding: "utf8" })
      .filter((name) => name.endsWith(".test.ts"))
      .filter((name) => !name.split(path.sep).some((part) => part === "fixtures" || part === "node_modules"))
      .sort()
      .map((name) => path.join(entry, name));
  });
}

const timeoutSeconds = Number(process.env.TEST_FILE_TIMEOUT ?? 300);

/**
 * uvu's closing summary, e.g. "Total: 12  Passed: 11  Skipped: 1"; undefined when it never printed
 * one. NO_COLOR in the file's environment keeps colour codes out of it.
 */
function uvuSummary(output: string): { passed: number; failed: number; skipped: number } | undefined {
  const matches = [...output.matchAll(/^\s*Total:\s+(\d+)\s*\n\s*Passed:\s+(\d+)\s*\n\s*Skipped:\s+(\d+)/gm)];
  const last = matches.at(-1);
  if (!last) return undefined;
  const [total, passed, skipped] = [last[1], last[2], last[3]].map(Number) as [number, number, number];
  return { passed, failed: total - passed, skipped };
}

function runFile(file: string): Promise<FileResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    // Its own process group, so a timeout also ends the browsers and servers the file started.
    const child = spawn(process.execPath, ["--import", "tsx", file], {
      cwd: root,
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let output = "";
    let timedOut = false;
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-(child.pid as number), "SIGKILL");
      } catch {
        // Already gone.
      }
    }, timeoutSeconds * 1000);
    child.on("close", (code) => {
      clearTimeout(timer);
      const summary = timedOut ? undefined : uvuSummary(output);
      if (timedOut)
        output += `\n${path.relative(root, file)} did not finish within ${timeoutSeconds} s and was stopped.`;
      const { passed = 0, failed = 0, skipped = 0 } = summary ?? {};
      // A file that crashed, hung, or exited with an error after its tests counts as one failure more.
      const crashed = (code !== 0 || !summary) && failed === 0 ? 1 : 0;
      resolve({
        file: path.relative(root, file),
        passed,
        failed: failed + crashed,
        skipped,
        output,
        ms: performance.now() - started,
      });
    });
  });
}

/** The browser tests' Chromium, named at the start: offline behaviour has differed between versions. */
function chromiumVersion(): string {
  const executable = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  try {
    return execFileSync(executable, ["--version"], {
      encoding: "utf8",
      timeout: 30_000,
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    return `no Chromium at ${executable} (browser tests will fail): apt-get install -y chromium, or set CHROMIUM_PATH`;
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const files = testFiles(args.length > 0 ? args : ["test"]);
  // Unit tests start no browser: `npm run test:unit` does not ask Chromium for its version either.
  const usesBrowser = files.some((file) =>
    ["browser", "build"].some((folder) => file.startsWith(path.join(root, "test", folder, path.sep))),
  );
  if (usesBrowser) console.log(`browser: ${chromiumVersion()}`);
  const queue = [...files];
  const results: FileResult[] = [];
  const workers = Array.from({ length: Math.min(2, availableParallelism()) }, async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const result = await runFile(file);
      results.push(result);
      const status = result.failed > 0 ? "FAIL" : "ok  ";
      const skipped = result.skipped > 0 ? `, ${result.skipped} skipped` : "";
      const seconds = (result.ms / 1000).toFixed(1);
      console.log(
        `${status} ${result.file}  ${result.passed} passed, ${result.failed} failed${skipped}  (${seconds} s)`,
      );
      if (result.failed > 0) console.log(indent(result.output.trim()));
    }
  });
  await Promise.all(workers);
  const passed = results.reduce((sum, result) => sum + result.passed, 0);
  const failed = results.reduce((sum, result) => sum + result.failed, 0);
  const skipped = results.reduce((sum, result) => sum + result.skipped, 0);
  if (files.length === 0) console.log("no test files found");
  if (skipped > 0) console.log(`${skipped} skipped: a skipped test is a defect`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 || skipped > 0 || files.length === 0 ? 1 : 0;
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n");
}

await main();
