/**
 * Runs every test file (`test/**\/*.test.ts`) in its own Node process, two at a time, and ends
 * with one line: "N passed, N failed". Each file is a plain uvu suite that also runs alone:
 *   node --import tsx test/lib/views/dates.test.ts
 * The counts are uvu's own, sent by a hook loaded into each file's process (test/support/uvu-counts.ts).
 * Pass file or folder names to run only those: npm test -- test/lib
 */
import { execFileSync, spawn } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..");

interface FileResult {
  file: string;
  passed: number;
  failed: number;
  output: string;
  ms: number;
  code: number | null;
}

function testFiles(targets: string[]): string[] {
  const found: string[] = [];
  const visit = (entry: string) => {
    if (statSync(entry).isDirectory()) {
      for (const name of readdirSync(entry).sort()) {
        if (name !== "fixtures" && name !== "node_modules") visit(path.join(entry, name));
      }
    } else if (entry.endsWith(".test.ts")) found.push(entry);
  };
  for (const target of targets) visit(path.resolve(root, target));
  return found;
}

const countsHook = pathToFileURL(path.join(root, "test/support/uvu-counts.ts")).href;

function runFile(file: string): Promise<FileResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--import", countsHook, file], {
      cwd: root,
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
      // The hook writes uvu's counts to the fourth stream.
      stdio: ["ignore", "pipe", "pipe", "pipe"],
    });
    let output = "";
    let counts = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stdio[3]?.on("data", (chunk: Buffer) => (counts += chunk.toString()));
    child.on("close", (code) => {
      const { passed = 0, failed = 0 } = counts ? (JSON.parse(counts) as { passed: number; failed: number }) : {};
      // A file that crashed, or exited with an error after its tests, counts as one failure more.
      const crashed = code !== 0 && failed === 0 ? 1 : 0;
      resolve({ file: path.relative(root, file), passed, failed: failed + crashed, output, ms: performance.now() - started, code });
    });
  });
}

/** The browser tests' Chromium, named at the start: offline behaviour has differed between versions. */
function chromiumVersion(): string {
  const executable = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  try {
    return execFileSync(executable, ["--version"], { encoding: "utf8", timeout: 30_000, stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return `no Chromium at ${executable} (browser tests will fail): apt-get install -y chromium, or set CHROMIUM_PATH`;
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const files = testFiles(args.length > 0 ? args : ["test"]);
  // Unit tests start no browser: `npm run test:unit` does not ask Chromium for its version either.
  const usesBrowser = files.some((file) => ["browser", "build"].some((folder) => file.startsWith(path.join(root, "test", folder, path.sep))));
  if (usesBrowser) console.log(`browser: ${chromiumVersion()}`);
  const queue = [...files];
  const results: FileResult[] = [];
  const workers = Array.from({ length: Math.min(2, availableParallelism()) }, async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const result = await runFile(file);
      results.push(result);
      const status = result.failed > 0 ? "FAIL" : "ok  ";
      console.log(`${status} ${result.file}  ${result.passed} passed, ${result.failed} failed  (${(result.ms / 1000).toFixed(1)} s)`);
      if (result.failed > 0) console.log(indent(result.output.trim()));
    }
  });
  await Promise.all(workers);
  const passed = results.reduce((sum, result) => sum + result.passed, 0);
  const failed = results.reduce((sum, result) => sum + result.failed, 0);
  if (files.length === 0) console.log("no test files found");
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 || files.length === 0 ? 1 : 0;
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n");
}

await main();
