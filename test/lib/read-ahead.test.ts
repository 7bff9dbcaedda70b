import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readAhead } from "../../scripts/lib/read-ahead.ts";

test("readAhead reads every file it is given and counts the ones it cannot read", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "read-ahead-"));
  try {
    const files = ["a.md", "b.md", "c.md"].map((name) => path.join(dir, name));
    for (const file of files) writeFileSync(file, `# ${file}\n`);
    const reading = readAhead([...files, path.join(dir, "missing.md"), dir]);
    assert.equal(await reading.finished, { read: 3, failed: 2 });
    await reading.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("readAhead of nothing finishes at once, and stopping it early loses nothing", async () => {
  const empty = readAhead([]);
  assert.equal(await empty.finished, { read: 0, failed: 0 });
  const stopped = readAhead(Array.from({ length: 2000 }, (_, index) => path.join(tmpdir(), `no-such-file-${index}`)));
  await stopped.stop();
  const result = await stopped.finished;
  assert.ok(result === undefined || result.failed === 2000, `stopped early: ${JSON.stringify(result)}`);
});

test.run();
