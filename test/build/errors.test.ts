/** A broken content file fails the build clearly, all errors together, and loses nothing. */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { buildFailure, buildSite, hashTree, newsFile, page, repoRoot, tempDir, writeContent } from "../support/site.ts";

const run = promisify(execFile);
const good = { "news/2023/good.md": newsFile({ title: "Good", date: "2023-11-14" }) };

test("every content error of a build is reported together: file, line, field, value and what is allowed", async () => {
  const content = writeContent({
    ...good,
    "news/2023/bad-date.md": newsFile({ title: "Bad date", date: "2023-02-30" }),
    "news/2023/bad-tag.md": newsFile({ title: "Bad tag", date: "2023-01-01", tags: "[trainin]" }),
    "news/2023/no-title.md": newsFile({ date: "2023-01-01" }),
    "news/2023/typo.md": newsFile({ titel: "Typo", title: "Typo", date: "2023-01-01" }),
    "abstracts/x/unknown-conference.md": "---\nconference: anual-27\nsession: S\nspeakers:\n  - name: A\n---\nText\n",
  });
  const error = await buildFailure(content);
  assert.is(error.phase, "validate");
  const lines = error.message.split("\n");
  assert.is(lines[0], "5 content errors:");
  // Content outside the working directory is named by its absolute path.
  const rel = (file: string) => path.join(content, file);
  assert.equal(lines.slice(1).sort(), [
    `  ${rel("abstracts/x/unknown-conference.md")}:2: conference "anual-27" is not a known conference; did you mean ` +
      `"annual-27"? (conferences are listed in _data/conferences.ts)`,
    `  ${rel("news/2023/bad-date.md")}:3: date "2023-02-30" is not a calendar date (YYYY-MM-DD, e.g. 2023-11-14; no ` +
      `time or time zone)`,
    `  ${rel("news/2023/bad-tag.md")}:4: tags[0] "trainin" is not a known topic; did you mean "training"? (topics ` +
      `are listed in _data/topics.ts)`,
    `  ${rel("news/2023/no-title.md")}: title is required: it must be the headline as text`,
    `  ${rel("news/2023/typo.md")}:2: titel is not a known field; did you mean "title"? (allowed: title, date, ` +
      `summary, tags, aliases, draft, slug, image, documents, video, lang, translationOf)`,
  ]);
});

test("a failed build leaves the previous output byte-identical", async () => {
  const content = writeContent(good);
  const site = await buildSite(content);
  const before = hashTree(site.outDir);
  writeContent({ "news/2023/broken.md": "---\ntitle: [unclosed\n---\n" }, content);
  await buildFailure(content, { outDir: site.outDir });
  assert.is(hashTree(site.outDir), before);
});

test("two files with one URL, and a file name that gives no slug, are errors", async () => {
  const content = writeContent({
    "news/2023/Nunez.md": newsFile({ title: "A", date: "2023-01-01" }),
    // "Núñez" in NFD: u + combining acute, n + combining tilde.
    "news/2023/Nu\u0301n\u0303ez.md": newsFile({ title: "B", date: "2023-01-02" }),
    "news/2023/会议.md": newsFile({ title: "C", date: "2023-01-03" }),
  });
  const error = await buildFailure(content);
  assert.match(error.message, "2 content errors:");
  assert.match(
    error.message,
    /Nu\u0301n\u0303ez\.md: would be published at \/news\/2023\/nunez\/, which .*Nunez\.md already uses/,
  );
  assert.match(error.message, /会议\.md: file name "会议\.md" gives no usable URL slug/);
});

test("the command exits non-zero on bad content and prints the errors", async () => {
  const content = writeContent({ "news/2023/bad.md": newsFile({ title: "Bad", date: "14/11/2023" }) });
  const out = path.join(tempDir(), "_site");
  const failure = await run(
    process.execPath,
    ["--import", "tsx", "scripts/build.ts", "--content", content, "--out", out],
    {
      cwd: repoRoot,
    },
  ).then(
    () => undefined,
    (error: { code: number; stderr: string }) => error,
  );
  assert.ok(failure, "the build should have failed");
  assert.is(failure.code, 1);
  assert.match(failure.stderr, /bad\.md:3: date "14\/11\/2023" is not a calendar date/);
  assert.match(failure.stderr, "was left as it was");
});

test("dates print the same under every machine time zone", async () => {
  const content = writeContent({
    "news/2023/late.md": newsFile({ title: "Late", date: "2023-11-14" }),
    "news/2023/new-year.md": newsFile({ title: "New year", date: "2023-01-01" }),
  });
  const hashes: string[] = [];
  for (const zone of ["UTC", "America/Los_Angeles", "Pacific/Kiritimati"]) {
    const out = path.join(tempDir(), "_site");
    await run(
      process.execPath,
      ["--import", "tsx", "scripts/build.ts", "--content", content, "--out", out, "--now", "2024-01-01"],
      {
        cwd: repoRoot,
        env: { ...process.env, TZ: zone },
      },
    );
    const late = page(readFileSync(path.join(out, "news/2023/late/index.html"), "utf8"))("article header time");
    assert.equal([late.attr("datetime"), late.text()], ["2023-11-14", "14 November 2023"]);
    assert.is(
      page(readFileSync(path.join(out, "news/2023/new-year/index.html"), "utf8"))("article header time").text(),
      "1 January 2023",
    );
    hashes.push(hashTree(out));
  }
  assert.is(new Set(hashes).size, 1, "output differs between time zones");
});

test.run();
