/**
 * `npm run verify` (scripts/verify.ts) against zip bombs: a zip or WACZ whose entry declares 4 GiB
 * of zeros in 4 MB is refused before anything is inflated, and an entry that inflates past its
 * declared size is stopped there; each in seconds and well under 1 GB, with its exact message.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { writeZip } from "../../scripts/lib/snapshot/zip.ts";
import { repoRoot } from "../../scripts/lib/util/repo-root.ts";
import { tempDir } from "../support/site.ts";
import { zipBomb } from "../support/zip-headers.ts";

const dir = tempDir("verify-bomb-");
const bomb = zipBomb("zeros.bin");
const gib = 1024 ** 3;

/** `npm run verify -- target`: exit code, output, wall time and the process's peak memory. */
function verify(target: string): { code: number | null; output: string; seconds: number; peakBytes: number } {
  const peakFile = path.join(dir, "peak");
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", "--import", "./test/support/peak-memory.ts", "scripts/verify.ts", target],
    {
      cwd: repoRoot,
      encoding: "utf8",
      env: { ...process.env, PEAK_MEMORY_FILE: peakFile },
      timeout: 120_000,
    },
  );
  return {
    code: run.status,
    output: `${run.stdout}${run.stderr}`.trim(),
    seconds: (performance.now() - started) / 1000,
    peakBytes: Number(readFileSync(peakFile, "utf8")),
  };
}

test("a 4 MB zip with a 4 GiB entry of zeros is refused before inflating, as a bag's zip and as a WACZ", () => {
  assert.ok(bomb.byteLength < 5_000_000, `the bomb is ${bomb.byteLength} bytes on disk`);
  for (const name of ["bomb.zip", "bomb.wacz"]) {
    const target = path.join(dir, name);
    writeFileSync(target, bomb);
    const result = verify(target);
    assert.equal(
      { code: result.code, output: result.output },
      {
        code: 1,
        output:
          `verify: ${target}: entry "zeros.bin" would inflate to 4295.0 MB, over the 424.8 MB a zip of 4.2 MB ` +
          `may hold (100 times its size): refused as a likely zip bomb, nothing inflated`,
      },
    );
    assert.ok(result.seconds < 30, `${result.seconds} s`);
    assert.ok(result.peakBytes < gib, `${result.peakBytes} bytes at most in memory`);
  }
});

test("an entry that declares 1,000 bytes and inflates to 4 GiB is stopped at its declared size", () => {
  const target = path.join(dir, "lying.wacz");
  writeFileSync(target, zipBomb("datapackage.json", { declared: 1000 }));
  const result = verify(target);
  assert.equal(
    { code: result.code, output: result.output },
    {
      code: 1,
      output: [
        `${target}: not valid, 6 problems:`,
        "  damaged: datapackage.json: damaged (it inflates to more than the 1000 bytes the zip's directory declares)",
        "  missing: datapackage-digest.json",
        "  datapackage.json: not JSON",
        '  datapackage.json: no "resources" list',
        "  missing: a CDXJ index in indexes/ (listed in datapackage.json)",
        "  missing: a WARC in archive/ (listed in datapackage.json)",
      ].join("\n"),
    },
  );
  assert.ok(result.seconds < 30, `${result.seconds} s`);
  assert.ok(result.peakBytes < gib, `${result.peakBytes} bytes at most in memory`);
});

test("small entries together inflating past 100 times the zip's size are refused at the one passing it", async () => {
  const target = path.join(dir, "many.zip");
  const mebibyte = Buffer.alloc(1024 * 1024);
  const entries = Array.from({ length: 100 }, (_, index) => ({
    name: `bag/data/zeros-${String(index + 1).padStart(3, "0")}.bin`,
    size: mebibyte.byteLength,
    read: () => mebibyte,
  }));
  await writeZip(target, entries, "2025-06-01");
  assert.ok(statSync(target).size < 200_000, `${statSync(target).size} bytes`);
  // 100 MiB in a zip of about 100 kB: past the 64 MiB any zip may hold at the 65th entry.
  const result = verify(target);
  assert.equal(
    { code: result.code, output: result.output },
    {
      code: 1,
      output:
        `verify: ${target}: its entries up to "bag/data/zeros-065.bin" would inflate to 68.2 MB, over the ` +
        `67.1 MB any zip may hold: refused as a likely zip bomb, nothing inflated`,
    },
  );
});

test.run();
