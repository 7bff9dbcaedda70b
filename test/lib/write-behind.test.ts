/** scripts/lib/write-behind.ts: files written on a thread of their own. */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { writeBehind } from "../../scripts/lib/write-behind.ts";
import { tempDir } from "../support/site.ts";

test("writeBehind writes every file, with its folders, and counts them; the given folders are made first, in order", async () => {
  const dir = tempDir("write-behind-");
  const writer = writeBehind(["b", "a", "c"].map((name) => path.join(dir, "made", name)));
  // More than one batch.
  for (let index = 0; index < 150; index++) writer.write(path.join(dir, "pages", String(index % 7), `${index}.html`), `<p>${index}</p>`);
  assert.is(await writer.end(), 150);
  assert.is(readFileSync(path.join(dir, "pages/3/101.html"), "utf8"), "<p>101</p>");
  assert.is(readdirSync(path.join(dir, "pages"), { recursive: true }).filter((name) => String(name).endsWith(".html")).length, 150);
  assert.equal(readdirSync(path.join(dir, "made")).sort(), ["a", "b", "c"]);
});

test("writeBehind reports the first write that failed", async () => {
  const dir = tempDir("write-behind-");
  writeFileSync(path.join(dir, "file"), "not a folder");
  const writer = writeBehind();
  writer.write(path.join(dir, "ok.html"), "ok");
  writer.write(path.join(dir, "file", "page.html"), "under a file");
  const error = await writer.end().then(
    () => undefined,
    (caught: unknown) => caught as Error,
  );
  assert.is(error?.message, `EEXIST: file already exists, mkdir '${path.join(dir, "file")}'`);
  assert.is(readFileSync(path.join(dir, "ok.html"), "utf8"), "ok");
});

test.run();
