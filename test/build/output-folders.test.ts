/**
 * Which folders a build and a snapshot may replace (scripts/lib/build/output-folder.ts,
 * scripts/lib/snapshot/replaceable.ts), and how a full disk or a read-only output is reported
 * (scripts/lib/util/error-message.ts): real builds, real tmpfs and bind mounts (the tests run as root).
 */
import { spawn } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { outputMarker } from "../../scripts/lib/model/outputs.ts";
import { makeSnapshot } from "../../scripts/lib/build/make-snapshot.ts";
import { BuildError } from "../../scripts/lib/phases/build.ts";
import { buildFailure, buildSite, hashTree, newsFile, repoRoot, tempDir, writeContent } from "../support/site.ts";

const content = writeContent({
  "news/2023/good.md": newsFile({ title: "Good", date: "2023-11-14", tags: "[training]" }),
  "abstracts/annual-27/good.md":
    "---\nconference: annual-27\nsession: Plenary\nspeakers:\n  - name: Jane Doe\n---\nThe abstract.\n",
});

/**
 * `npm run <script>` as a child process: its exit code, stdout and stderr, and its pid (in the staging folder's name).
 */
function runScript(
  script: string,
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string; pid: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", `scripts/${script}.ts`, ...args], {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr, pid: child.pid ?? 0 }));
  });
}

/** Runs `body` with a tmpfs of `size` mounted on a new folder; unmounted whatever happens. */
async function withTmpfs(size: string, body: (mount: string) => Promise<void>): Promise<void> {
  const mount = tempDir("output-tmpfs-");
  execFileSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", mount]);
  try {
    await body(mount);
  } finally {
    unmount(mount);
    rmSync(mount, { recursive: true, force: true });
  }
}

/**
 * Unmounts `mount`, waiting up to 5 s for a process the build left behind (Pagefind's, a detached rm) to let go of it.
 */
function unmount(mount: string): void {
  for (let tries = 0; ; tries++) {
    try {
      execFileSync("umount", [mount], { stdio: "pipe" });
      return;
    } catch (error) {
      if (tries === 50) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
}

/** Fills the file system holding `dir` to its last byte. */
function fillDisk(dir: string): void {
  const fd = openSync(path.join(dir, "filler"), "w");
  const block = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) writeSync(fd, block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOSPC") throw error;
    // The last block may not have fitted whole: fill the rest byte by byte.
    for (;;) {
      try {
        writeSync(fd, block, 0, 1);
      } catch {
        break;
      }
    }
  } finally {
    closeSync(fd);
  }
}

test("a build's output holds the marker; a second build replaces it, an empty folder is accepted", async () => {
  const empty = tempDir("output-empty-");
  const site = await buildSite(content, { outDir: empty });
  assert.is(readFileSync(path.join(site.outDir, outputMarker), "utf8").split("\n")[0], "iap-news-archive build output");
  writeFileSync(path.join(empty, "index.html"), "stale");
  await buildSite(content, { outDir: empty });
  assert.is.not(readFileSync(path.join(empty, "index.html"), "utf8"), "stale", "the second build replaced the first");
});

test("a site built before the marker existed is recognised by its own files, replaced, and marked", async () => {
  const site = await buildSite(content);
  rmSync(path.join(site.outDir, outputMarker));
  await buildSite(content, { outDir: site.outDir });
  assert.ok(existsSync(path.join(site.outDir, outputMarker)));
  // Without a build's own files the same folder is someone else's.
  rmSync(path.join(site.outDir, outputMarker));
  rmSync(path.join(site.outDir, "pagefind"), { recursive: true });
  const before = hashTree(site.outDir);
  const error = await buildFailure(content, { outDir: site.outDir });
  assert.is(error.phase, "options");
  assert.match(error.message, `--out ${site.outDir} holds `);
  assert.is(hashTree(site.outDir), before);
});

test("the command line refuses a folder of unrelated files with exit code 1 and leaves it as it was", async () => {
  const dir = tempDir("output-documents-");
  const documents = writeContent(
    { "README.md": "mine\n", "notes/a.txt": "a\n", "b.txt": "b\n", "c.txt": "c\n", "d.txt": "d\n" },
    path.join(dir, "documents"),
  );
  const before = hashTree(documents);
  const child = await runScript("build", ["--content", content, "--out", documents]);
  assert.is(child.code, 1);
  assert.is(
    child.stderr,
    `\nbuild failed in options; ${documents} was left as it was.\n` +
      `--out ${documents} holds 4 files and 1 folder that no build wrote (README.md, b.txt, c.txt, …): publishing ` +
      `would delete them; choose an empty folder or one a build wrote, e.g. ` +
      `--out ${path.join(path.dirname(content), "_site")}\n`,
  );
  assert.is(child.stdout, "", "no phase ran");
  assert.is(hashTree(documents), before);
});

test("a full disk: one line naming the folder, exit code 1, the last good output intact", async () => {
  await withTmpfs("2m", async (mount) => {
    const out = path.join(mount, "site");
    await buildSite(content, { outDir: out });
    const before = hashTree(out);
    fillDisk(mount);
    const child = await runScript("build", ["--content", content, "--out", out, "--now", "2025-06-01"]);
    assert.is(child.code, 1);
    const staging = `${out}.tmp-${child.pid}`;
    assert.is(
      child.stderr,
      `\nbuild failed in render; ${out} was left as it was.\n` +
        `writing the assets (stylesheet, search script) failed: ${staging}: no space left on the device: free some ` +
        `space, or write to another disk (ENOSPC)\n`,
    );
    assert.is(hashTree(out), before);
    assert.not.ok(existsSync(staging), "the staging folder is gone");
  });
});

test("a disk that fills during the search phase: the phase's one line, the last good output intact", async () => {
  await withTmpfs("3m", async (mount) => {
    const out = path.join(mount, "site");
    await buildSite(content, { outDir: out });
    const before = hashTree(out);
    // Filled once the pages are rendered: the search phase's first write finds no space.
    const error = await buildFailure(content, {
      outDir: out,
      log: (line) => line.startsWith("render ") && fillDisk(mount),
    });
    assert.is(error.phase, "search");
    assert.is(
      error.message,
      `${out}.tmp-${process.pid}: no space left on the device: free some space, or write to another disk (ENOSPC)`,
    );
    assert.is(hashTree(out), before);
  });
});

test("a read-only output file system is refused before any work, in one line", async () => {
  await withTmpfs("4m", async (mount) => {
    const out = path.join(mount, "site");
    await buildSite(content, { outDir: out });
    const before = hashTree(out);
    execFileSync("mount", ["-o", "remount,ro", mount]);
    const child = await runScript("build", ["--content", content, "--out", out]);
    assert.is(child.code, 1);
    assert.is(
      child.stderr,
      `\nbuild failed in options; ${out} was left as it was.\n` +
        `--out ${out} cannot be written: ${mount}: the file system is read-only: make it writable, or write to ` +
        `another folder (EROFS)\n`,
    );
    assert.is(child.stdout, "", "no phase ran");
    assert.is(hashTree(out), before);
  });
});

test("a read-only bind-mounted output folder is refused before any work, in one line", async () => {
  const out = path.join(tempDir("output-bind-"), "site");
  await buildSite(content, { outDir: out });
  const before = hashTree(out);
  execFileSync("mount", ["--bind", "-o", "ro", out, out]);
  try {
    const child = await runScript("build", ["--content", content, "--out", out]);
    assert.is(child.code, 1);
    assert.is(
      child.stderr,
      `\nbuild failed in options; ${out} was left as it was.\n` +
        `--out ${out} is a mount point (a disk, or a bind mount): publishing replaces the output folder by renaming ` +
        `it, which a mount point does not allow; build into a folder inside it, e.g. --out ${out}/site\n`,
    );
    assert.is(child.stdout, "", "no phase ran");
  } finally {
    unmount(out);
  }
  assert.is(hashTree(out), before);
});

const snapshotContent = writeContent({ "news/2023/good.md": newsFile({ title: "Good", date: "2023-11-14" }) });
const snapshotOptions = { contentDir: snapshotContent, period: { from: 2023, to: 2023 }, takenOn: "2025-06-01" };

async function snapshotRefusal(outDir: string, wacz?: "also" | "only"): Promise<string> {
  try {
    await makeSnapshot({ ...snapshotOptions, outDir, ...(wacz ? { wacz } : {}) });
  } catch (error) {
    if (error instanceof BuildError) return `${error.phase}: ${error.message}`;
    throw error;
  }
  return "made";
}

test("a snapshot replaces its own folder, zip and WACZ", async () => {
  const out = path.join(tempDir("snapshot-own-"), "iap-2023");
  assert.is(await snapshotRefusal(out, "also"), "made");
  assert.is(await snapshotRefusal(out, "also"), "made");
  assert.ok(existsSync(path.join(out, "bagit.txt")) && existsSync(`${out}.zip`) && existsSync(`${out}.wacz`));
});

test("a BagIt bag another tool made is refused and left as it was", async () => {
  const bag = writeContent(
    {
      "bagit.txt": "BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n",
      "bag-info.txt": "Bag-Software-Agent: bagit.py v1.8.1 <https://github.com/LibraryOfCongress/bagit-python>\n",
      "data/thesis.txt": "my thesis\n",
    },
    path.join(tempDir("snapshot-foreign-"), "bag"),
  );
  const before = hashTree(bag);
  assert.is(
    await snapshotRefusal(bag),
    `options: --out ${bag} is a BagIt bag another tool made (Bag-Software-Agent: bagit.py v1.8.1 ` +
      `<https://github.com/LibraryOfCongress/bagit-python>): a snapshot replaces its folder whole and would delete ` +
      `it; choose an empty folder or one a snapshot wrote, e.g. --out snapshots/bag`,
  );
  writeFileSync(path.join(bag, "bag-info.txt"), "Source-Organization: Someone\n");
  assert.is(
    await snapshotRefusal(bag),
    `options: --out ${bag} is a BagIt bag another tool made (its bag-info.txt names no Bag-Software-Agent): a ` +
      `snapshot replaces its folder whole and would delete it; choose an empty folder or one a snapshot wrote, ` +
      `e.g. --out snapshots/bag`,
  );
  writeFileSync(
    path.join(bag, "bag-info.txt"),
    "Bag-Software-Agent: bagit.py v1.8.1 <https://github.com/LibraryOfCongress/bagit-python>\n",
  );
  assert.is(hashTree(bag), before);
});

test("an unrelated zip or WACZ beside the snapshot's folder is refused and left as it was", async () => {
  const dir = tempDir("snapshot-beside-");
  const out = path.join(dir, "iap-2023");
  writeFileSync(`${out}.zip`, "not a zip\n");
  assert.is(
    await snapshotRefusal(out),
    `options: ${out}.zip is not one a snapshot wrote (no iap-2023/bag-info.txt naming iap-news-archive): a snapshot ` +
      `would overwrite it; move it away or choose another --out`,
  );
  assert.is(readFileSync(`${out}.zip`, "utf8"), "not a zip\n");
  assert.not.ok(existsSync(out), "nothing was written");
  // A zip of another tool's bag, under the snapshot's folder name.
  rmSync(`${out}.zip`);
  const other = writeContent(
    { "iap-2023/bagit.txt": "BagIt-Version: 1.0\n", "iap-2023/bag-info.txt": "Bag-Software-Agent: bagit-java 5.2\n" },
    path.join(dir, "other"),
  );
  execFileSync("zip", ["-qr", `${out}.zip`, "iap-2023"], { cwd: other });
  const zipBefore = readFileSync(`${out}.zip`);
  assert.is(
    await snapshotRefusal(out),
    `options: ${out}.zip was made by bagit-java 5.2, not by a snapshot: a snapshot would overwrite it; move it away ` +
      `or choose another --out`,
  );
  assert.ok(readFileSync(`${out}.zip`).equals(zipBefore));
  // With the web archive only, the zip is not written: only the WACZ counts.
  writeFileSync(`${out}.wacz`, "not a wacz\n");
  assert.is(
    await snapshotRefusal(out, "only"),
    `options: ${out}.wacz is not one a snapshot wrote (no datapackage.json naming iap-news-archive): a snapshot ` +
      `would overwrite it; move it away or choose another --out`,
  );
  assert.is(readFileSync(`${out}.wacz`, "utf8"), "not a wacz\n");
});

test("the snapshot command refuses a foreign bag with exit code 1", async () => {
  const bag = writeContent(
    { "bagit.txt": "BagIt-Version: 1.0\n", "data/a.txt": "a\n" },
    path.join(tempDir("snapshot-cli-"), "bag"),
  );
  mkdirSync(path.join(bag, "data/more"));
  const before = hashTree(bag);
  const child = await runScript("snapshot", ["--year", "2023", "--content", snapshotContent, "--out", bag]);
  assert.is(child.code, 1);
  assert.is(
    child.stderr,
    `\nsnapshot failed in options; ${bag} was left as it was.\n` +
      `--out ${bag} is a BagIt bag another tool made (its bag-info.txt names no Bag-Software-Agent): a snapshot ` +
      `replaces its folder whole and would delete it; choose an empty folder or one a snapshot wrote, e.g. --out ` +
      `snapshots/bag\n`,
  );
  assert.is(hashTree(bag), before);
});

test.run();
