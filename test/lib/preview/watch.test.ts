/** Watching a folder tree: every save is seen, also saves that replace the file (sed -i, editors' atomic saves). */
import { appendFileSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { SETTLE_MS, watchTrees } from "../../../scripts/lib/preview/watch.ts";
import { tempDir, writeContent } from "../../support/site.ts";

/**
 * The batches a watcher hands over; `next(file)` resolves with the first later batch that names `file`, or fails
 * after 5 s.
 */
function batches() {
  const waiting: { wanted: string; resolve: (files: string[]) => void }[] = [];
  const onChanges = (files: string[]) => {
    for (const waiter of waiting.filter(({ wanted }) => files.includes(wanted))) {
      waiting.splice(waiting.indexOf(waiter), 1);
      waiter.resolve(files);
    }
  };
  const next = (file: string) =>
    Promise.race([
      new Promise<string[]>((resolve) => waiting.push({ wanted: file, resolve })),
      sleep(5000, undefined, { ref: false }).then((): never => {
        throw new Error(`no change reported for ${file} within 5 s`);
      }),
    ]);
  return { onChanges, next };
}

/** What `sed -i` and editors' atomic saves do: a new file renamed over the old one. */
function replace(file: string, text: string): void {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

test("a file replaced by a rename is still watched, and so is a folder made, deleted and made again", async () => {
  const root = writeContent({ "news/2023/a.md": "one\n" }, tempDir("watch-"));
  const seen = batches();
  const watcher = await watchTrees([root], seen.onChanges);
  const file = path.join(root, "news/2023/a.md");
  try {
    let batch = seen.next(file);
    appendFileSync(file, "two\n");
    await batch;
    for (const text of ["three\n", "four\n"]) {
      batch = seen.next(file);
      replace(file, text);
      await batch;
    }
    batch = seen.next(file);
    appendFileSync(file, "five\n");
    await batch;

    const added = path.join(root, "news/2024/b.md");
    const folder = path.dirname(added);
    batch = seen.next(added);
    mkdirSync(folder);
    writeFileSync(added, "new\n");
    assert.equal((await batch).sort(), [folder, added]);

    batch = seen.next(folder);
    rmSync(folder, { recursive: true });
    await batch;
    batch = seen.next(added);
    mkdirSync(folder);
    writeFileSync(added, "again\n");
    assert.equal((await batch).sort(), [folder, added]);
  } finally {
    await watcher.close();
  }
});

test("saves closer together than chokidar's throttle: the last batch comes after the last save", async () => {
  const root = writeContent({ "news/2023/a.md": "one\n" }, tempDir("watch-"));
  const file = path.join(root, "news/2023/a.md");
  // What the preview would read at each hand-over.
  const read: string[] = [];
  const watcher = await watchTrees([root], () => read.push(readFileSync(file, "utf8")));
  try {
    appendFileSync(file, "two\n");
    await sleep(20);
    replace(file, "three\n");
    await sleep(20);
    appendFileSync(file, "four\n");
    await sleep(SETTLE_MS * 4);
    assert.is(read.at(-1), "three\nfour\n");
  } finally {
    await watcher.close();
  }
});

test.run();
