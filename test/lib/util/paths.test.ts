/** Paths as people read them, and folder containment: scripts/lib/util/paths.ts. */
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { displayPath, isInside, urlPathOf, windowsNameProblem } from "../../../scripts/lib/util/paths.ts";

const here = process.cwd();

test("a path inside the working folder is shown relative to it, the folder itself as '.'", () => {
  assert.is(displayPath(path.join(here, "src/news/2023/mou.md")), "src/news/2023/mou.md");
  assert.is(displayPath(here), ".");
});

test("a path outside the working folder is shown whole", () => {
  assert.is(displayPath("/tmp/content/news/a.md"), "/tmp/content/news/a.md");
  assert.is(displayPath(path.dirname(here)), path.dirname(here));
});

test("a path is inside a folder below it, not inside the folder itself, a sibling with its prefix, or a parent", () => {
  assert.is(isInside("/site/content/news/a.md", "/site/content"), true);
  assert.is(isInside("/site/content", "/site/content"), false);
  assert.is(isInside("/site/content-old/a.md", "/site/content"), false);
  assert.is(isInside("/site", "/site/content"), false);
  assert.is(isInside("/site/content/../other/a.md", "/site/content"), false);
});

test("a file's path as a URL path: each segment percent-encoded, so %, # and ? stay part of the name", () => {
  assert.is(urlPathOf("news/2023/x/100% final.pdf"), "news/2023/x/100%25%20final.pdf");
  assert.is(urlPathOf("news/2023/x/report#1.txt"), "news/2023/x/report%231.txt");
  assert.is(urlPathOf("news/2023/x/what?.txt"), "news/2023/x/what%3F.txt");
  assert.is(urlPathOf("annex/é, 2.pdf"), "annex/%C3%A9%2C%202.pdf");
  assert.is(urlPathOf("news/2023/x/"), "news/2023/x/");
  assert.is(urlPathOf(""), "");
});

test("device names are reserved on Windows with any extension, in any case; names only starting so are not", () => {
  const reserved = [
    "con.md",
    "aux.md",
    "nul.md",
    "PRN",
    "Con.tar.gz",
    "con .md",
    "com1.jpg",
    "LPT9.pdf",
    "com\u00b9.md",
    "conin$.md",
  ];
  assert.equal(
    reserved.map(windowsNameProblem),
    ["CON", "AUX", "NUL", "PRN", "CON", "CON", "COM1", "LPT9", "COM\u00b9", "CONIN$"].map(
      (device) => `is named after the Windows device ${device} (whatever the extension)`,
    ),
  );
  for (const name of [
    "console.md",
    "com0.md",
    "com10.md",
    "lpt.md",
    "auxiliary.md",
    "a-con.md",
    "nul-results.md",
    ".con",
  ])
    assert.is(windowsNameProblem(name), undefined, name);
});

test("a name ending in a dot or a space is refused, Windows drops them; '.' and '..' are not names", () => {
  assert.is(windowsNameProblem("report."), "ends in a dot, which Windows drops from names");
  assert.is(windowsNameProblem("photo.jpg "), "ends in a space, which Windows drops from names");
  assert.is(windowsNameProblem("."), undefined);
  assert.is(windowsNameProblem(".."), undefined);
  assert.is(windowsNameProblem("a.b.md"), undefined);
});

test.run();
