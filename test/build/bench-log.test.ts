/** The bench reads what the build prints (scripts/bench/builds.ts): a change to the build's lines must show up here. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parseBuildOutput } from "../../scripts/bench/builds.ts";
import { build } from "../../scripts/lib/phases/build.ts";
import { newsFile, tempDir, writeContent } from "../support/site.ts";

test("parseBuildOutput reads every phase of a real build's log", async () => {
  const lines: string[] = [];
  const content = writeContent({ "news/2023/a.md": newsFile({ title: "A", date: "2023-11-14" }) });
  const report = await build({
    contentDir: content,
    outDir: `${tempDir("site-")}/_site`,
    now: new Date("2025-06-01T12:00:00Z"),
    log: (line) => lines.push(line),
  });
  const summary = parseBuildOutput(lines.join("\n"));
  assert.equal(
    summary.phases.map((phase) => phase.name),
    report.phases.map((phase) => phase.name),
  );
  assert.ok(summary.pagefind, "the search line carries Pagefind's add and write times");
  // "A" and the words of newsFile's body, as Pagefind's command line counted them.
  assert.is(summary.pagefind.words, report.search.words);
  assert.ok((report.search.words ?? 0) > 0);
});

test.run();
