/** Watching a folder tree: every save is seen, also saves that replace the file (sed -i, editors' atomic saves). */
import { mkdirSync, renameSync, writeFileSync, appendFileSync, rmSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { watchTree } from "../../../scripts/lib/preview/watch.ts";
import { tempDir, writeContent } from "../../support/site.ts";

/** Resolves with the first reported path that `wanted` accepts; fails if none comes (a guard, not a timing). */
function nextChange(changes: string[], wanted: (file: string) => boolean): Promise<string> {
  const giveUp = Date.now() + 10_000;
  return new Promise((resolve, reject) => {
    const poll = () => {
      const found = changes.find(wanted);
      if (found) resolve(found);
      else if (Date.now() > giveUp) reject(new Error(`no change reported; saw ${JSON.stringify(changes)}`));
      else setTimeout(poll, 10);
    };
    poll();
  });
}

test("a file replaced by a rename is still watched, and so is a new folder's file", async () => {
  const root = writeContent({ "news/2023/a.md": "one\n" }, tempDir("watch-"));
  const changes: string[] = [];
  const watcher = watchTree(root, (file) => changes.push(file));
  const file = path.join(root, "news/2023/a.md");
  try {
    appendFileSync(file, "two\n");
    assert.is(await nextChange(changes, (changed) => changed === file), file);
    // What `sed -i` does: a new file renamed over the old one, twice.
    for (const text of ["three\n", "four\n"]) {
      changes.length = 0;
      writeFileSync(`${file}.tmp`, text);
      renameSync(`${file}.tmp`, file);
      assert.is(await nextChange(changes, (changed) => changed === file), file);
    }
    changes.length = 0;
    appendFileSync(file, "five\n");
    assert.is(await nextChange(changes, (changed) => changed === file), file);

    const added = path.join(root, "news/2024/b.md");
    mkdirSync(path.dirname(added));
    await nextChange(changes, (changed) => changed === path.dirname(added));
    writeFileSync(added, "new\n");
    assert.is(await nextChange(changes, (changed) => changed === added), added);

    // A folder deleted and made again is watched again.
    rmSync(path.join(root, "news/2024"), { recursive: true });
    await nextChange(changes, (changed) => changed === path.dirname(added));
    changes.length = 0;
    mkdirSync(path.dirname(added));
    await nextChange(changes, (changed) => changed === path.dirname(added));
    writeFileSync(added, "again\n");
    assert.is(await nextChange(changes, (changed) => changed === added), added);
  } finally {
    watcher.close();
  }
});

test.run();
