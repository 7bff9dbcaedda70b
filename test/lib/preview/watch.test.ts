/** Watching a folder tree: every save is seen, also saves that replace the file (sed -i, editors' atomic saves). */
import { mkdirSync, renameSync, writeFileSync, appendFileSync, rmSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { watchTree } from "../../../scripts/lib/preview/watch.ts";
import { tempDir, writeContent } from "../../support/site.ts";

/** The paths a watcher reports, as a promise per awaited path. */
function changeLog() {
  const waiting: { wanted: string; resolve: () => void }[] = [];
  const onChange = (file: string) => {
    for (const waiter of waiting.filter(({ wanted }) => wanted === file)) {
      waiting.splice(waiting.indexOf(waiter), 1);
      waiter.resolve();
    }
  };
  /** Resolves when `file` is reported next. */
  const next = (file: string) => new Promise<string>((resolve) => waiting.push({ wanted: file, resolve: () => resolve(file) }));
  return { onChange, next };
}

test("a file replaced by a rename is still watched, and so is a new folder's file", async () => {
  const root = writeContent({ "news/2023/a.md": "one\n" }, tempDir("watch-"));
  const changes = changeLog();
  const watcher = watchTree(root, changes.onChange);
  const file = path.join(root, "news/2023/a.md");
  try {
    let seen = changes.next(file);
    appendFileSync(file, "two\n");
    assert.is(await seen, file);
    // What `sed -i` does: a new file renamed over the old one, twice.
    for (const text of ["three\n", "four\n"]) {
      seen = changes.next(file);
      writeFileSync(`${file}.tmp`, text);
      renameSync(`${file}.tmp`, file);
      assert.is(await seen, file);
    }
    seen = changes.next(file);
    appendFileSync(file, "five\n");
    assert.is(await seen, file);

    const added = path.join(root, "news/2024/b.md");
    const folder = path.dirname(added);
    let folderSeen = changes.next(folder);
    mkdirSync(folder);
    await folderSeen;
    seen = changes.next(added);
    writeFileSync(added, "new\n");
    assert.is(await seen, added);

    // A folder deleted and made again is watched again.
    folderSeen = changes.next(folder);
    rmSync(folder, { recursive: true });
    await folderSeen;
    folderSeen = changes.next(folder);
    mkdirSync(folder);
    await folderSeen;
    seen = changes.next(added);
    writeFileSync(added, "again\n");
    assert.is(await seen, added);
  } finally {
    watcher.close();
  }
});

test.run();
