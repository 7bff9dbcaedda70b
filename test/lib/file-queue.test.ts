/** The background writes of the render phase (scripts/lib/file-queue.ts). */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { FileQueue } from "../../scripts/lib/file-queue.ts";
import { tempDir } from "../support/site.ts";

test("writes every queued file, making its folders, at most `limit` at a time", async () => {
  const dir = tempDir();
  const queue = new FileQueue(2);
  for (let index = 0; index < 50; index++) queue.add(path.join(dir, `a/${index % 5}/${index}.html`), () => `page ${index}`);
  await queue.done();
  for (let index = 0; index < 50; index++) assert.is(readFileSync(path.join(dir, `a/${index % 5}/${index}.html`), "utf8"), `page ${index}`);
  // Nothing queued: done at once.
  await new FileQueue().done();
});

test("a failed write is reported by done, not left unhandled, and stops the writes after it", async () => {
  const dir = tempDir();
  writeFileSync(path.join(dir, "file"), "a file, not a folder");
  const queue = new FileQueue(1);
  queue.add(path.join(dir, "file/inside.html"), () => "x");
  queue.add(path.join(dir, "later.html"), () => "y");
  const error = await queue.done().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  assert.instance(error, Error);
  assert.is((error as NodeJS.ErrnoException).code, "EEXIST");
  assert.throws(() => readFileSync(path.join(dir, "later.html")));
});

test.run();
