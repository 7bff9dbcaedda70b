import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { conferences, site, topics } from "../../../scripts/lib/content/data.ts";
import { newsSchema, speakerSchema } from "../../../scripts/lib/content/schema.ts";
import { passedFields, readContent, type LoadedContent, type LoadOptions } from "../../../scripts/lib/content/load.ts";
import { ContentError, formatProblem, type Problem } from "../../../scripts/lib/content/problems.ts";

type Files = Record<string, string | Uint8Array>;
type Extra = Partial<Pick<LoadOptions, "preview" | "now">>;

/** The build's "now" unless a test says otherwise: midday UTC, 2024-01-01 in Europe/Amsterdam too. */
const NOW = new Date("2024-01-01T12:00:00Z");

/** The content as `Archive` reads it (`readContent`), every problem thrown together as the build reports them. */
function loadContent(options: LoadOptions): LoadedContent {
  const { content, problems } = readContent(options);
  if (problems.length > 0) throw new ContentError(problems);
  return content;
}

/**
 * Writes `files` into a fresh temporary folder and runs `fn` with that folder as the working
 * directory, so that problems name files as staff see them ("news/2023/a.md").
 */
function inContentDir<T>(files: Files, fn: (dir: string) => T): T {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), "iap-content-test-")));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    return fn(dir);
  } finally {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  }
}

function load(files: Files, extra: Extra = {}): LoadedContent {
  return inContentDir(files, (dir) => loadContent({ contentDir: dir, site, topics, conferences, now: NOW, ...extra }));
}

function loadError(files: Files, extra: Extra = {}): ContentError {
  return inContentDir(files, (dir) => {
    try {
      loadContent({ contentDir: dir, site, topics, conferences, now: NOW, ...extra });
    } catch (error) {
      if (error instanceof ContentError) return error;
      throw error;
    }
    throw new Error("expected loadContent to throw a ContentError");
  });
}

function problemsOf(files: Files, extra: Extra = {}): Problem[] {
  return loadError(files, extra).problems;
}

/** The "allowed:" list of an unknown-field message: every field of the schema, in schema order. */
const newsFields = Object.keys(newsSchema.shape).join(", ");
const speakerFields = Object.keys(speakerSchema.shape).join(", ");

const news = (fields: string, body = "Body.\n") => `---\n${fields}\n---\n${body}`;
const abstract = (fields: string, body = "Body.\n") => `---\n${fields}\n---\n${body}`;

// --- news -----------------------------------------------------------------------------------

test("a valid news file becomes a news item", () => {
  const content = load({
    "news/2023/iap-signed-mou-with-aiamp.md": news(
      "title: IAP signs MoU with AIAMP\ndate: 2023-11-14\n" +
        "tags: [international-cooperation, memoranda-of-understanding]",
      "# Heading\n\nThe IAP has signed a\nmemorandum with *AIAMP*.\n\nSecond paragraph.\n",
    ),
  });
  assert.is(content.news.length, 1);
  assert.equal(content.abstracts, []);
  assert.equal(content.withheld, { drafts: 0, scheduled: 0 });
  assert.is(content.files, 1);
  const [item] = content.news;
  if (!item) throw new Error("no item");
  const { topics: itemTopics, ...rest } = item;
  assert.equal(rest, {
    kind: "news",
    file: "news/2023/iap-signed-mou-with-aiamp.md",
    slug: "iap-signed-mou-with-aiamp",
    url: "/news/2023/iap-signed-mou-with-aiamp/",
    title: "IAP signs MoU with AIAMP",
    date: "2023-11-14",
    year: 2023,
    summary: "The IAP has signed a memorandum with AIAMP.",
    summaryHtml: "The IAP has signed a memorandum with AIAMP.",
    draft: false,
    scheduled: false,
    html: "<h2>Heading</h2>\n<p>The IAP has signed a\nmemorandum with <em>AIAMP</em>.</p>\n<p>Second paragraph.</p>\n",
    wordCount: 11,
    aliases: [],
    lang: "en",
  });
  assert.equal(
    itemTopics.map((topic) => [topic.id, topic.label, topic.url]),
    [
      ["international-cooperation", "International cooperation", "/topics/international-cooperation/"],
      ["memoranda-of-understanding", "Memoranda of understanding", "/topics/memoranda-of-understanding/"],
    ],
  );
});

test("a front-matter field the loader does not convert reaches the item as parsed, its text bidi-closed", () => {
  const data = { title: "Consumed", tags: ["training"], venue: "Sala \u202Eabc", seats: 40 };
  assert.equal(passedFields(data, ["title", "tags"] as const), { venue: "Sala \u202Eabc\u202C", seats: 40 });
});

test("the URL year comes from the date, not from the folder", () => {
  const [item] = load({ "news/2023/late.md": news("title: T\ndate: 2023-12-31") }).news;
  assert.is(item?.url, "/news/2023/late/");
  const [moved] = load({ "news/misc/moved.md": news("title: T\ndate: 2022-03-01") }).news;
  assert.is(moved?.url, "/news/2022/moved/");
});

test("a given summary is used, trimmed; otherwise the first paragraph, shortened", () => {
  const [given] = load({ "news/2023/a.md": news('title: A\ndate: 2023-11-14\nsummary: "  Given summary.  "') }).news;
  assert.is(given?.summary, "Given summary.");
  const [long] = load({ "news/2023/a.md": news("title: A\ndate: 2023-11-14", `${"word ".repeat(60)}\n`) }).news;
  assert.is(long?.summary, `${Array.from({ length: 39 }, () => "word").join(" ")}…`);
  const [empty] = load({ "news/2023/a.md": news("title: A\ndate: 2023-11-14", "") }).news;
  assert.is(empty?.summary, "");
});

test("a slug field overrides the file name", () => {
  const [item] = load({ "news/2023/会议.md": news("title: Meeting\ndate: 2023-11-14\nslug: meeting") }).news;
  assert.is(item?.slug, "meeting");
  assert.is(item?.url, "/news/2023/meeting/");
});

test("a file with a byte-order mark and CRLF line endings loads", () => {
  const [item] = load({
    "news/2023/a.md": "\uFEFF---\r\ntitle: T\r\ndate: 2023-11-14\r\n---\r\nFirst line\r\nsecond line.\r\n",
  }).news;
  assert.is(item?.title, "T");
  assert.is(item?.summary, "First line second line.");
  assert.is(item?.html, "<p>First line\nsecond line.</p>\n");
});

test("news is sorted newest first, then by title", () => {
  const content = load({
    "news/2023/a.md": news("title: Bravo\ndate: 2023-11-14"),
    "news/2023/b.md": news("title: Alpha\ndate: 2023-11-14"),
    "news/2022/c.md": news("title: Charlie\ndate: 2022-01-01"),
    "news/2023/d.md": news("title: Delta\ndate: 2023-12-01"),
  });
  assert.equal(
    content.news.map((item) => item.url),
    ["/news/2023/d/", "/news/2023/b/", "/news/2023/a/", "/news/2022/c/"],
  );
  assert.is(content.files, 4);
});

// --- news problems --------------------------------------------------------------------------

test("an unknown tag is reported with its field, its line and the closest topic id", () => {
  assert.equal(problemsOf({ "news/2023/a.md": news("title: T\ndate: 2023-11-14\ntags: [coperation]") }), [
    {
      file: "news/2023/a.md",
      line: 4,
      field: "tags[0]",
      message:
        '"coperation" is not a known topic; did you mean "international-cooperation"? (topics are listed in ' +
        "_data/topics.ts)",
    },
  ]);
});

test("an unknown tag close to a topic id suggests it, at the line of the list item", () => {
  const error = loadError({
    "news/2023/a.md": news("title: T\ndate: 2023-11-14\ntags:\n  - cybercrime\n  - international-coperation"),
  });
  assert.equal(error.problems, [
    {
      file: "news/2023/a.md",
      line: 6,
      field: "tags[1]",
      message:
        '"international-coperation" is not a known topic; did you mean "international-cooperation"? (topics are ' +
        "listed in _data/topics.ts)",
    },
  ]);
  assert.is(
    error.message,
    "1 content error:\n" +
      '  news/2023/a.md:6: tags[1] "international-coperation" is not a known topic; did you mean ' +
      '"international-cooperation"? (topics are listed in _data/topics.ts)',
  );
});

test("an unknown field suggests the known one and lists what is allowed", () => {
  assert.equal(problemsOf({ "news/2023/a.md": news("titel: T\ndate: 2023-11-14") }), [
    {
      file: "news/2023/a.md",
      line: undefined,
      field: "title",
      message: "is required: it must be the headline as text",
    },
    {
      file: "news/2023/a.md",
      line: 2,
      field: "titel",
      message: `is not a known field; did you mean "title"? (allowed: ${newsFields})`,
    },
  ]);
});

test("a missing title is required", () => {
  assert.equal(problemsOf({ "news/2023/a.md": news("date: 2023-11-14") }), [
    {
      file: "news/2023/a.md",
      line: undefined,
      field: "title",
      message: "is required: it must be the headline as text",
    },
  ]);
});

test("a blank title is reported as empty", () => {
  assert.equal(problemsOf({ "news/2023/a.md": news('title: "   "\ndate: 2023-11-14') }), [
    { file: "news/2023/a.md", line: 2, field: "title", message: '"" must be the headline as text, not empty' },
  ]);
});

test("tags written as a single string must be a list", () => {
  assert.equal(problemsOf({ "news/2023/a.md": news("title: T\ndate: 2023-11-14\ntags: cooperation") }), [
    {
      file: "news/2023/a.md",
      line: 4,
      field: "tags",
      message: '"cooperation" must be a list of topic ids, e.g. [international-cooperation]',
    },
  ]);
});

test("dates must be real calendar dates", () => {
  assert.equal(problemsOf({ "news/2023/a.md": news("title: T\ndate: 2023-02-30") }), [
    {
      file: "news/2023/a.md",
      line: 3,
      field: "date",
      message: '"2023-02-30" is not a calendar date (YYYY-MM-DD, e.g. 2023-11-14; no time or time zone)',
    },
  ]);
  assert.equal(problemsOf({ "news/2023/a.md": news("title: T\ndate: 2023-11-14T10:00:00+02:00") }), [
    {
      file: "news/2023/a.md",
      line: 3,
      field: "date",
      message: '"2023-11-14T10:00:00+02:00" is not a calendar date (YYYY-MM-DD, e.g. 2023-11-14; no time or time zone)',
    },
  ]);
});

test("draft must be true or false", () => {
  assert.equal(problemsOf({ "news/2023/a.md": news("title: T\ndate: 2023-11-14\ndraft: yes") }), [
    { file: "news/2023/a.md", line: 4, field: "draft", message: '"yes" must be true or false' },
  ]);
});

test("a file name that gives no slug is reported", () => {
  assert.equal(problemsOf({ "news/2023/!!!.md": news("title: T\ndate: 2023-11-14") }), [
    {
      file: "news/2023/!!!.md",
      message:
        'file name "!!!.md" gives no usable URL slug: rename the file using letters a–z or digits, or add a field ' +
        "such as 'slug: iap-signs-mou'",
    },
  ]);
});

test("a slug longer than 100 characters is refused: it becomes a folder name", () => {
  const slug = "a".repeat(101);
  assert.equal(problemsOf({ "news/2023/a.md": news(`title: T\ndate: 2023-11-14\nslug: ${slug}`) }), [
    {
      file: "news/2023/a.md",
      line: 4,
      field: "slug",
      message: `"${"a".repeat(76)}… must be at most 100 characters, e.g. iap-signs-mou`,
    },
  ]);
});

test("a file that is not UTF-8 is reported with line and offset", () => {
  const latin1 = Uint8Array.from([
    ...Buffer.from("---\ntitle: N"),
    0xfa,
    ...Buffer.from("nez\ndate: 2023-11-14\n---\n"),
  ]);
  assert.equal(problemsOf({ "news/2023/a.md": latin1 }), [
    { file: "news/2023/a.md", line: 2, message: "is not valid UTF-8 (byte 0xFA at offset 12); save the file as UTF-8" },
  ]);
});

test("a file that is not Markdown is reported; dot files are ignored", () => {
  assert.equal(
    problemsOf({
      "news/2023/a.txt": "x",
      "news/2023/.DS_Store": "x",
      "news/2023/b.md": news("title: T\ndate: 2023-11-14"),
    }),
    [
      {
        file: "news/2023/a.txt",
        message: "is not a Markdown file: content files end in .md (move other files out of news/)",
      },
    ],
  );
});

test("file and folder names reserved on Windows are refused, item files and page bundles too", () => {
  const ok = news("title: T\ndate: 2023-11-14");
  const windows = "so it cannot be checked out on Windows: rename it";
  assert.equal(
    problemsOf({
      "news/2023/con.md": ok,
      "news/2023/aux.md": ok,
      "news/2023/nul.md": ok,
      "news/2023/bundle/index.md": ok,
      "news/2023/bundle/LPT1.pdf": "x",
      "news/2023/bundle/photo.jpg.": "x",
      "news/2023/prn/index.md": ok,
      "news/2023/prn/photo.jpg": "x",
      "abstracts/com3 /a.md": ok,
    }).map(formatProblem),
    [
      `news/2023/aux.md: is named after the Windows device AUX (whatever the extension), ${windows}`,
      `news/2023/bundle/LPT1.pdf: is named after the Windows device LPT1 (whatever the extension), ${windows}`,
      `news/2023/bundle/photo.jpg.: ends in a dot, which Windows drops from names, ${windows}`,
      `news/2023/con.md: is named after the Windows device CON (whatever the extension), ${windows}`,
      `news/2023/nul.md: is named after the Windows device NUL (whatever the extension), ${windows}`,
      // A folder's problem stands for what is in it.
      `news/2023/prn: is named after the Windows device PRN (whatever the extension), ${windows}`,
      `abstracts/com3 : ends in a space, which Windows drops from names, ${windows}`,
    ],
  );
});

test("a folder with neither news/ nor abstracts/ is not a content folder", () => {
  const error = inContentDir({ "other/a.md": "x" }, () => {
    try {
      loadContent({ contentDir: ".", site, topics, conferences, now: NOW });
    } catch (caught) {
      return caught;
    }
    return undefined;
  });
  assert.instance(error, ContentError);
  assert.equal((error as ContentError).problems, [
    { file: ".", message: "is not a content folder: it has neither a news/ nor an abstracts/ folder" },
  ]);
});

// --- abstracts ------------------------------------------------------------------------------

test("an abstract without a title is titled '<Speaker>: <session>' and dated by its conference", () => {
  const content = load({
    "abstracts/annual-27/opening.md": abstract(
      "conference: annual-27\nsession: Opening Session\nspeakers:\n  - name: Jane Doe\n    role: Prosecutor General",
      "The *opening* words.\n",
    ),
  });
  assert.equal(content.news, []);
  assert.is(content.abstracts.length, 1);
  const [item] = content.abstracts;
  if (!item) throw new Error("no abstract");
  const { conference, ...rest } = item;
  assert.equal(rest, {
    kind: "abstract",
    file: "abstracts/annual-27/opening.md",
    slug: "opening",
    url: "/abstracts/annual-27/opening/",
    title: "Jane Doe: Opening Session",
    date: "2022-09-25",
    year: 2022,
    summary: "The opening words.",
    summaryHtml: "The opening words.",
    draft: false,
    scheduled: false,
    topics: [],
    session: "Opening Session",
    speakers: [{ name: "Jane Doe", role: "Prosecutor General" }],
    html: "<p>The <em>opening</em> words.</p>\n",
    wordCount: 3,
    aliases: [],
    lang: "en",
  });
  assert.equal(
    [conference.id, conference.url, conference.year, conference.name],
    ["annual-27", "/conferences/annual-27/", 2022, "IAP 27th Annual Conference & General Meeting"],
  );
});

test("an abstract title names all speakers; a given title is kept", () => {
  const content = load({
    "abstracts/annual-27/panel.md": abstract(
      "conference: annual-27\nsession: Panel\nspeakers:\n  - name: Jane Doe\n  - name: John Roe\n  - name: Ana Núñez",
    ),
    "abstracts/annual-27/pair.md": abstract(
      "conference: annual-27\nsession: Pair\nspeakers:\n  - name: Jane Doe\n  - name: John Roe",
    ),
    "abstracts/annual-28/keynote.md": abstract(
      "conference: annual-28\nsession: Keynote\ntitle: The Rule of Law\nspeakers:\n  - name: A",
    ),
  });
  assert.equal(
    content.abstracts.map((item) => [item.url, item.title]),
    [
      ["/abstracts/annual-28/keynote/", "The Rule of Law"],
      ["/abstracts/annual-27/pair/", "Jane Doe and John Roe: Pair"],
      ["/abstracts/annual-27/panel/", "Jane Doe, John Roe and Ana Núñez: Panel"],
    ],
  );
});

test("speakers written as a string must be a list of speakers", () => {
  assert.equal(
    problemsOf({
      "abstracts/annual-27/a.md": abstract('conference: annual-27\nsession: Opening\nspeakers: "Jane Doe"'),
    }),
    [
      {
        file: "abstracts/annual-27/a.md",
        line: 4,
        field: "speakers",
        message: '"Jane Doe" must be a list of speakers, each with a name (and optional role, organisation)',
      },
    ],
  );
});

test("a speaker without a name, an empty speaker list and a mistyped speaker field are reported", () => {
  assert.equal(
    problemsOf({ "abstracts/x/a.md": abstract("conference: annual-28\nsession: S\nspeakers:\n  - role: Judge") }),
    [
      {
        file: "abstracts/x/a.md",
        line: 5,
        field: "speakers[0].name",
        message: "is required: it must be the speaker's full name",
      },
    ],
  );
  assert.equal(problemsOf({ "abstracts/x/a.md": abstract("conference: annual-28\nsession: S\nspeakers: []") }), [
    { file: "abstracts/x/a.md", line: 4, field: "speakers", message: "[] must list at least one speaker" },
  ]);
  assert.equal(
    problemsOf({
      "abstracts/x/a.md": abstract("conference: annual-28\nsession: S\nspeakers:\n  - name: Jane Doe\n    rol: Judge"),
    }),
    [
      {
        file: "abstracts/x/a.md",
        line: 6,
        field: "speakers[0].rol",
        message: `is not a known field; did you mean "role"? (allowed: ${speakerFields})`,
      },
    ],
  );
});

test("an unknown conference is reported with a suggestion", () => {
  assert.equal(
    problemsOf({ "abstracts/x/a.md": abstract("conference: annual27\nsession: S\nspeakers:\n  - name: A") }),
    [
      {
        file: "abstracts/x/a.md",
        line: 2,
        field: "conference",
        message:
          '"annual27" is not a known conference; did you mean "annual-27"? (conferences are listed in ' +
          "_data/conferences.ts)",
      },
    ],
  );
});

// --- URL clashes ----------------------------------------------------------------------------

test("'Nunez.md' and 'Núñez.md' publish to the same URL: a clash naming both files", () => {
  const error = loadError({
    "news/2023/Nunez.md": news("title: A\ndate: 2023-11-14"),
    "news/2023/Núñez.md": news("title: B\ndate: 2023-11-14"),
  });
  assert.equal(error.problems, [
    {
      file: "news/2023/Núñez.md",
      message:
        "would be published at /news/2023/nunez/, which news/2023/Nunez.md already uses: rename one of the files or " +
        "give it a different 'slug'",
    },
  ]);
});

test("two abstracts of one conference in different folders clash", () => {
  const body = "conference: annual-27\nsession: S\nspeakers:\n  - name: A";
  assert.equal(problemsOf({ "abstracts/x/talk.md": abstract(body), "abstracts/y/talk.md": abstract(body) }), [
    {
      file: "abstracts/y/talk.md",
      message:
        "would be published at /abstracts/annual-27/talk/, which abstracts/x/talk.md already uses: rename one of " +
        "the files or give it a different 'slug'",
    },
  ]);
});

test("a slug field that repeats another file's slug clashes", () => {
  assert.equal(
    problemsOf({
      "news/2023/abc.md": news("title: A\ndate: 2023-11-14"),
      "news/2023/x.md": news("title: X\ndate: 2023-11-14\nslug: abc"),
    }),
    [
      {
        file: "news/2023/x.md",
        message:
          "would be published at /news/2023/abc/, which news/2023/abc.md already uses: rename one of the files or " +
          "give it a different 'slug'",
      },
    ],
  );
});

// --- all problems at once -------------------------------------------------------------------

test("every problem of every broken file is reported together", () => {
  const error = loadError({
    "news/2023/a.md": news("date: 2023-11-14\ntitel: X"), // 2: title required, titel unknown
    "news/2023/b.md": news("title: B\ndate: 2023-11-14\ntags: [coperation, cybercrim]"), // 2: both tags
    "news/2023/c.md": "Just text, no front matter.\n", // 1
    "news/2023/ok.md": news("title: OK\ndate: 2023-11-14"), // 0
    "news/2023/notes.txt": "x", // 1
    "abstracts/annual-27/d.md": abstract("conference: annual-27\nsession: S\nspeakers: Jane"), // 1
    "abstracts/annual-27/e.md": abstract("conference: annual27\nsession: S\nspeakers:\n  - name: Jane"), // 1
  });
  assert.is(error.problems.length, 8);
  assert.equal(error.problems.map(formatProblem), [
    "news/2023/notes.txt: is not a Markdown file: content files end in .md (move other files out of news/)",
    "news/2023/a.md: title is required: it must be the headline as text",
    `news/2023/a.md:3: titel is not a known field; did you mean "title"? (allowed: ${newsFields})`,
    'news/2023/b.md:4: tags[0] "coperation" is not a known topic; did you mean "international-cooperation"? (topics ' +
      "are listed in _data/topics.ts)",
    'news/2023/b.md:4: tags[1] "cybercrim" is not a known topic; did you mean "cybercrime"? (topics are listed in ' +
      "_data/topics.ts)",
    "news/2023/c.md:1: has no front matter: the first line must be '---', followed by fields such as 'title:' and a " +
      "closing '---'",
    'abstracts/annual-27/d.md:4: speakers "Jane" must be a list of speakers, each with a name (and optional role, ' +
      "organisation)",
    'abstracts/annual-27/e.md:2: conference "annual27" is not a known conference; did you mean "annual-27"? ' +
      "(conferences are listed in _data/conferences.ts)",
  ]);
  assert.ok(error.message.startsWith("8 content errors:\n  news/2023/notes.txt: "), error.message);
  assert.is(error.message.split("\n").length, 9);
});

test("one file with a broken date and an unknown tag reports both, in line order", () => {
  assert.equal(
    problemsOf({ "news/2023/a.md": news("title: A\ndate: 2023-02-30\ntags: [trainin]") }).map(formatProblem),
    [
      'news/2023/a.md:3: date "2023-02-30" is not a calendar date (YYYY-MM-DD, e.g. 2023-11-14; no time or time zone)',
      'news/2023/a.md:4: tags[0] "trainin" is not a known topic; did you mean "training"? (topics are listed in ' +
        "_data/topics.ts)",
    ],
  );
});

test("a file's schema problems and the checks after the schema are reported together, the file's own first", () => {
  assert.equal(
    problemsOf({
      "news/2023/!!!.md": news(
        "tags: [cybercrim]\ntitle: T\ndate: 2023-11-14\ncolour: red\nimage:\n  src: missing.jpg\n  alt: A photo",
        "Body with [a link](/news/%E0%A4/).\n",
      ),
    }).map(formatProblem),
    [
      'news/2023/!!!.md: file name "!!!.md" gives no usable URL slug: rename the file using letters a–z or ' +
        "digits, or add a field such as 'slug: iap-signs-mou'",
      'news/2023/!!!.md:2: tags[0] "cybercrim" is not a known topic; did you mean "cybercrime"? (topics are listed ' +
        "in _data/topics.ts)",
      `news/2023/!!!.md:5: colour is not a known field (allowed: ${newsFields})`,
      'news/2023/!!!.md:7: image.src "missing.jpg" does not exist: no file news/2023/missing.jpg',
      "news/2023/!!!.md:10: has a link to /news/%E0%A4/ whose %-encoding is not valid UTF-8: write the address as " +
        "the browser's address bar shows it",
    ],
  );
});

test("a field with a problem is reported once: its own checks after the schema are skipped", () => {
  // The slug field is refused; the file name's slug is not checked in its place.
  assert.equal(
    problemsOf({ "news/2023/!!!.md": news("title: T\ndate: 2023-11-14\nslug: Not A Slug") }).map(formatProblem),
    [
      'news/2023/!!!.md:4: slug "Not A Slug" must be lowercase letters a–z, digits and single hyphens, e.g. ' +
        "iap-signs-mou",
    ],
  );
  // A broken date is not also out of the archive's range.
  assert.equal(problemsOf({ "news/2023/a.md": news("title: T\ndate: 0001-02-30") }).map(formatProblem), [
    'news/2023/a.md:3: date "0001-02-30" is not a calendar date (YYYY-MM-DD, e.g. 2023-11-14; no time or time zone)',
  ]);
});

test("an abstract with a missing session, an unknown conference and a speaker twice reports all three", () => {
  assert.equal(
    problemsOf({
      "abstracts/annual-27/a.md": abstract("conference: annual27\nspeakers:\n  - name: Jane Doe\n  - name: JANE DOE"),
    }).map(formatProblem),
    [
      "abstracts/annual-27/a.md: session is required: it must be the session's name",
      'abstracts/annual-27/a.md:2: conference "annual27" is not a known conference; did you mean "annual-27"? ' +
        "(conferences are listed in _data/conferences.ts)",
      'abstracts/annual-27/a.md:5: speakers[1].name "JANE DOE" is listed already (speakers[0].name "Jane Doe"): ' +
        "list each speaker once",
    ],
  );
});

test("a translation of an item that failed its own check is not reported too", () => {
  const translation = (target: string) => news(`title: B\ndate: 2023-01-02\nlang: es\ntranslationOf: ${target}`);
  // The target's URL is known (its tag is the problem), or known but for its year (its date is).
  assert.equal(
    problemsOf({
      "news/2023/a.md": news("title: A\ndate: 2023-01-01\ntags: [trainin]"),
      "news/2023/b.md": translation("/news/2023/a/"),
    }).map(formatProblem),
    [
      'news/2023/a.md:4: tags[0] "trainin" is not a known topic; did you mean "training"? (topics are listed in ' +
        "_data/topics.ts)",
    ],
  );
  assert.equal(
    problemsOf({
      "news/2023/a.md": news("title: A\ndate: 2023-13-01"),
      "news/2023/b.md": translation("/news/2023/a/"),
    }).map(formatProblem),
    ['news/2023/a.md:3: date "2023-13-01" is not a calendar date (YYYY-MM-DD, e.g. 2023-11-14; no time or time zone)'],
  );
  // Unreadable front matter leaves the URL unknown: no translation of a news item is reported while it is broken.
  assert.equal(
    problemsOf({ "news/2023/a.md": "---\ntitle: [\n---\n", "news/2023/b.md": translation("/news/2023/zzz/") }).map(
      formatProblem,
    ),
    [
      "news/2023/a.md:3: front matter is not valid YAML: Flow sequence in block collection must be sufficiently " +
        "indented and end with a ]",
    ],
  );
  // A translation naming an address no file would have is still reported.
  assert.equal(
    problemsOf({
      "news/2023/a.md": news("title: A\ndate: 2023-01-01\ntags: [trainin]"),
      "news/2023/b.md": translation("/news/2023/c/"),
    }).map(formatProblem),
    [
      'news/2023/a.md:4: tags[0] "trainin" is not a known topic; did you mean "training"? (topics are listed in ' +
        "_data/topics.ts)",
      'news/2023/b.md:5: translationOf "/news/2023/c/" is not the address of a news item or abstract in the ' +
        'archive; did you mean "/news/2023/b/"?',
    ],
  );
});

// --- drafts, scheduled items and previews ---------------------------------------------------

const mixed: Files = {
  "news/2023/draft.md": news("title: Draft\ndate: 2023-11-14\ndraft: true"),
  "news/2024/tomorrow.md": news("title: Tomorrow\ndate: 2024-01-02"),
  "news/2024/today.md": news("title: Today\ndate: 2024-01-01"),
  "news/2024/future-draft.md": news("title: Future draft\ndate: 2024-05-01\ndraft: true"),
  "news/2023/published.md": news("title: Published\ndate: 2023-06-01\ndraft: false"),
  "abstracts/x/future.md": abstract("conference: european-regional-18\nsession: S\nspeakers:\n  - name: A"),
  "abstracts/x/past.md": abstract("conference: annual-29\nsession: S\nspeakers:\n  - name: A"),
};

test("drafts and items dated after today are withheld from a production build", () => {
  const content = load(mixed, { now: new Date("2024-10-01T12:00:00Z") });
  // In October 2024 the dated news items are past; annual-29 (2024-09-29) is past, european-regional-18 (11-06) not.
  assert.equal(
    content.news.map((item) => item.slug),
    ["tomorrow", "today", "published"],
  );
  assert.equal(
    content.abstracts.map((item) => item.slug),
    ["past"],
  );
  assert.equal(content.withheld, { drafts: 2, scheduled: 1 });
  assert.is(content.files, 7);
});

test("items dated after today count as scheduled; a future draft counts once, as a draft", () => {
  const content = load(mixed);
  assert.equal(
    content.news.map((item) => item.slug),
    ["today", "published"],
  );
  assert.equal(content.abstracts, []);
  // drafts: draft, future-draft; scheduled: tomorrow, both abstracts (2024-09-29 and 2024-11-06)
  assert.equal(content.withheld, { drafts: 2, scheduled: 3 });
});

test("a preview shows drafts and scheduled items and withholds nothing", () => {
  const content = load(mixed, { preview: true });
  assert.equal(
    content.news.map((item) => [item.slug, item.draft, item.scheduled]),
    [
      ["future-draft", true, true],
      ["tomorrow", false, true],
      ["today", false, false],
      ["draft", true, false],
      ["published", false, false],
    ],
  );
  assert.equal(
    content.abstracts.map((item) => [item.slug, item.scheduled]),
    [
      ["future", true],
      ["past", true],
    ],
  );
  assert.equal(content.withheld, { drafts: 0, scheduled: 0 });
});

test("'today' is the site's time zone (Europe/Amsterdam), not the machine's", () => {
  const files = { "news/2024/new-year.md": news("title: T\ndate: 2024-01-02") };
  // 22:59:59 UTC on 1 January is 23:59:59 in Amsterdam: still 1 January, so the item is scheduled.
  const before = load(files, { now: new Date("2024-01-01T22:59:59Z") });
  assert.equal(before.news, []);
  assert.equal(before.withheld, { drafts: 0, scheduled: 1 });
  // 23:00 UTC is midnight in Amsterdam: 2 January, so the item is published.
  const after = load(files, { now: new Date("2024-01-01T23:00:00Z") });
  assert.equal(
    after.news.map((item) => [item.url, item.scheduled]),
    [["/news/2024/new-year/", false]],
  );
  assert.equal(after.withheld, { drafts: 0, scheduled: 0 });
});

test.run();
