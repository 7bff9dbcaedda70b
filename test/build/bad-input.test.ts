/**
 * The bad-input catalogue: each row is an input a hostile or careless user gave, built
 * for real, with the exact message the build gives. In every case the content folder and the
 * previous output stay byte-identical. docs/bad-input.md is this table, checked here so it cannot
 * drift: `UPDATE_CATALOGUE=1 node --import tsx test/build/bad-input.test.ts` rewrites it.
 */
import { execFileSync, spawn } from "node:child_process";
import { tmpdir } from "node:os";
import { chmodSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { discoveryFileProblems } from "../../scripts/lib/build/feed-check.ts";
import { maxInlineNesting } from "../../scripts/lib/content/markdown.ts";
import { inflationFloor, maxInflationRatio } from "../../scripts/lib/snapshot/zip.ts";
import { pdfTextLimits } from "../../scripts/lib/content/pdf-text.ts";
import {
  buildFailure,
  buildSite,
  type BuiltSite,
  hashTree,
  newsFile,
  page,
  repoRoot,
  tempDir,
  writeContent,
} from "../support/site.ts";

export interface BadInput {
  /** What the user gave, as the catalogue's first column. */
  input: string;
  /** The content folder's good files (default: one news item, one abstract). */
  base?: Record<string, string>;
  /** Files added to a content folder holding one good news item and one abstract. */
  files?: Record<string, string | Uint8Array>;
  /** Changes the content folder beyond writing files (symbolic links, FIFOs, modes). */
  prepare?: (content: string, dir: string) => void;
  /** The output folder, if not the previous good output. */
  out?: (dir: string) => string;
  /**
   * Run the command line as a user who is not root (`nobody`, when the tests run as root): root
   * reads any file, so an unreadable file can only be tested as someone else.
   */
  unprivileged?: boolean;
  /** The phase that refuses it, or "builds" for an input that builds (its notes are the message). */
  phase: string;
  /** For an input that builds: what the output shows, checked by `verify`, for the catalogue. */
  result?: string;
  verify?: (site: BuiltSite) => void;
  /** The build's message; `<dir>` is the folder holding `content/`, `<content>` the content folder. */
  message: string;
}

const good = {
  "news/2023/good.md": newsFile({ title: "Good", date: "2023-11-14", tags: "[training]" }),
  "abstracts/annual-27/good.md":
    "---\nconference: annual-27\nsession: Plenary\nspeakers:\n  - name: Jane Doe\n---\nThe abstract.\n",
};

/** Front-matter lines `k0: v`, `k1: v`, … */
const unknownFields = (count: number) => Array.from({ length: count }, (_, index) => `k${index}: v\n`).join("");

export const badInputs: BadInput[] = [
  // --- where the site goes: refused before anything is written
  {
    input: "`--out` is the content folder",
    out: (dir) => path.join(dir, "content"),
    phase: "options",
    message:
      "--out <content> is the content folder: publishing would replace every content file with the site; use a " +
      "folder of its own, e.g. --out <dir>/_site",
  },
  {
    input: "`--out` is a parent of the content folder",
    out: (dir) => dir,
    phase: "options",
    message:
      "--out <dir> contains the content folder " +
      "<content>: publishing would delete it; use a folder of its own, e.g. --out <dir>/_site",
  },
  {
    input: "`--out` is inside the content folder (`<content>/news/site`)",
    out: (dir) => path.join(dir, "content/news/site"),
    phase: "options",
    message:
      "--out <content>/news/site is inside the content folder <content>: the site would be written into the content " +
      "and read back as content; use a folder of its own, e.g. --out <dir>/_site",
  },
  {
    input: "`--out` is an existing regular file",
    prepare: (_, dir) => writeFileSync(path.join(dir, "notes.txt"), "keep me\n"),
    out: (dir) => path.join(dir, "notes.txt"),
    phase: "options",
    message:
      "--out <dir>/notes.txt is a file, not a folder: publishing replaces the output folder as a whole, and would " +
      "delete the file; use a folder of its own, e.g. --out <dir>/_site",
  },
  {
    input: "`--out /`",
    out: () => "/",
    phase: "options",
    message:
      "--out / is the root folder: publishing replaces the output folder, and everything in it would be deleted; " +
      "use a folder of its own, e.g. --out <dir>/_site",
  },
  {
    input: "`--out src` (the project's own folder)",
    out: () => path.join(repoRoot, "src"),
    phase: "options",
    message:
      "--out src is the project's folder src/: publishing would delete it; use a folder of its own, e.g. --out " +
      "<dir>/_site",
  },
  {
    input: "`--out .` (the project, which holds `src/`, `scripts/`, …)",
    out: () => repoRoot,
    phase: "options",
    message:
      `--out . contains the project's folder src/: publishing would delete it; use a folder of its own, e.g. --out ` +
      `<dir>/_site`,
  },
  {
    input: "`--out test/site` (inside the project's own folder)",
    out: () => path.join(repoRoot, "test/site"),
    phase: "options",
    message:
      "--out test/site is inside the project's folder test/: the site must not be mixed with the project's own " +
      "files; use a folder of its own, e.g. --out <dir>/_site",
  },
  {
    input: "`--out .git` (the project's history)",
    out: () => path.join(repoRoot, ".git"),
    phase: "options",
    message:
      "--out .git is a folder of the project, not one of its outputs: inside the project a build writes only to " +
      "_site, _preview, snapshots/… or bench/work/…, and publishing would replace it; use a folder of its own, " +
      "e.g. --out <dir>/_site",
  },
  {
    input: "`--out docs` (a folder of the project)",
    out: () => path.join(repoRoot, "docs"),
    phase: "options",
    message:
      "--out docs is a folder of the project, not one of its outputs: inside the project a build writes only to " +
      "_site, _preview, snapshots/… or bench/work/…, and publishing would replace it; use a folder of its own, " +
      "e.g. --out <dir>/_site",
  },
  {
    input: "`--out` a folder of someone's documents (`letter.txt`, `thesis.pdf`, `photos/`)",
    prepare: (_, dir) =>
      writeContent(
        { "letter.txt": "Dear…\n", "thesis.pdf": "%PDF-1.7\n", "photos/beach.jpg": "jpeg" },
        path.join(dir, "documents"),
      ),
    out: (dir) => path.join(dir, "documents"),
    phase: "options",
    message:
      "--out <dir>/documents holds 2 files and 1 folder that no build wrote (letter.txt, photos/, thesis.pdf): " +
      "publishing would delete them; choose an empty folder or one a build wrote, e.g. --out <dir>/_site",
  },
  // --- inputs that could take minutes: bounded
  {
    input: "a body of `*_` × 50,000, `y`, `_*` × 50,000 (66,754 elements)",
    files: {
      "news/2023/stars.md": newsFile(
        { title: "Stars", date: "2023-11-15" },
        `${"*_".repeat(50_000)}y${"_*".repeat(50_000)}\n`,
      ),
    },
    phase: "builds",
    message:
      "note: /news/2023/stars/ (<content>/news/2023/stars.md): not validated with html-validate: 66,754 elements " +
      "nested 8 deep, over its budget of 6,000 elements nested 100 deep",
  },
  {
    input: "emphasis nested 1,000 deep (`*a _` × 1,000, `x`, `_*` × 1,000)",
    files: {
      "news/2023/nested.md": newsFile(
        { title: "Nested", date: "2023-11-15" },
        `Intro.\n\n${"*a _".repeat(1_000)}x${"_*".repeat(1_000)}\n`,
      ),
    },
    phase: "validate",
    message:
      `1 content error:\n` +
      `  <content>/news/2023/nested.md:7: nests emphasis and links more than ${maxInlineNesting} deep; at ` +
      `most ${maxInlineNesting} are allowed`,
  },
  {
    input: "a body of `a` and a blank line, 40,000 times",
    files: { "news/2023/paragraphs.md": newsFile({ title: "Paragraphs", date: "2023-11-15" }, "a\n\n".repeat(40_000)) },
    phase: "validate",
    message:
      "1 content error:\n" +
      "  <content>/news/2023/paragraphs.md:20005: has 40,000 blocks (paragraphs, headings, list items, quotes); " +
      "at most 10,000 are allowed: split it into several articles",
  },
  // --- failures that must be messages, not stack traces
  {
    input: "links `[x](/news/%E0%A4/)` and `[y](#%E0)` in a body (malformed %-encoding)",
    files: {
      "news/2023/percent.md": newsFile(
        { title: "Percent", date: "2023-11-15" },
        "See [x](/news/%E0%A4/).\n\nAnd [y](#%E0).\n",
      ),
    },
    phase: "validate",
    message:
      "2 content errors:\n" +
      "  <content>/news/2023/percent.md:5: has a link to /news/%E0%A4/ whose %-encoding is not valid UTF-8: write " +
      "the address as the browser's address bar shows it\n" +
      "  <content>/news/2023/percent.md:7: has a link to #%E0 whose %-encoding is not valid UTF-8: write the " +
      "address as the browser's address bar shows it",
  },
  {
    input: "an empty `news/` folder and no abstracts",
    base: {},
    prepare: (content) => mkdirSync(path.join(content, "news")),
    phase: "validate",
    message:
      "1 content error:\n" +
      "  <content>: has no news item or abstract to publish: add one, or check that --content names the " +
      "archive's content folder (npm start previews drafts)",
  },
  {
    input: "only drafts",
    base: {},
    files: { "news/2023/draft.md": newsFile({ title: "Draft", date: "2023-11-15", draft: "true" }) },
    phase: "validate",
    message:
      "1 content error:\n" +
      "  <content>: has no news item or abstract to publish (1 draft withheld): add one, or check that --content " +
      "names the archive's content folder (npm start previews drafts)",
  },
  // --- front matter: refused, naming the file and field
  {
    input:
      "aliases `/News/Old%20Title`, `/a%2Fb`, `/a/%2e%2e/b`, `/News/100%-sure`, `/old%00page`, " +
      "`/offline/files.json`, one with a NUL byte, one of 3,000 parts",
    files: {
      "news/2023/reserved.md": newsFile({ title: "Reserved", date: "2023-11-15", aliases: "[/offline/files.json]" }),
      "news/2023/aliases.md": newsFile({ title: "Aliases", date: "2023-11-15" }, "Body.\n").replace(
        "---\nBody",
        `aliases:\n  - /News/Old%20Title\n  - /a%2Fb\n  - /a/%2e%2e/b\n  - /News/100%-sure\n  - /old%00page\n` +
          `  - "/old\\0page"\n  - ${"/a".repeat(3_000)}\n---\nBody`,
      ),
    },
    phase: "validate",
    message:
      "8 content errors:\n" +
      '  <content>/news/2023/aliases.md:5: aliases[0] "/News/Old%20Title" must be a site path starting with /, ' +
      "without spaces, ? or #\n" +
      '  <content>/news/2023/aliases.md:6: aliases[1] "/a%2Fb" must not encode / or \\ as %2F or %5C: write the ' +
      "address with its slashes\n" +
      '  <content>/news/2023/aliases.md:7: aliases[2] "/a/%2e%2e/b" must not contain . or .. segments\n' +
      '  <content>/news/2023/aliases.md:8: aliases[3] "/News/100%-sure" has a % that does not start valid %-encoded ' +
      "UTF-8: copy the address again from the browser's address bar\n" +
      '  <content>/news/2023/aliases.md:9: aliases[4] "/old%00page" must not contain control characters\n' +
      '  <content>/news/2023/aliases.md:10: aliases[5] "/old\\u0000page" must not contain control characters\n' +
      "  <content>/news/2023/aliases.md:11: aliases[6] " +
      '"/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a\u2026 must be at most 300 ' +
      "characters and 12 parts between slashes\n" +
      '  <content>/news/2023/reserved.md:4: aliases[0] "/offline/files.json" is the address of the list of files ' +
      "saved for reading offline (/offline/files.json) that the build writes: an alias may only name an old " +
      "address",
  },
  {
    input:
      "aliases on what the build writes: `/admin/config.yml` (the editor's), `/sw.js`, `/pagefind/pagefind.js`, " +
      "`/feeds/news.xml`, `/search/`, `/news/2023/` and another item's address (issue 30)",
    files: {
      "news/2023/generated.md": newsFile({
        title: "Generated",
        date: "2023-11-15",
        aliases:
          "[/admin/config.yml, /sw.js, /pagefind/pagefind.js, /feeds/news.xml, /search/, /news/2023/, " +
          "/news/2023/good/]",
      }),
    },
    phase: "validate",
    message:
      "7 content errors:\n" +
      '  <content>/news/2023/generated.md:4: aliases[0] "/admin/config.yml" is the address of the editor (/admin/…) ' +
      "that the build writes: an alias may only name an old address\n" +
      '  <content>/news/2023/generated.md:4: aliases[1] "/sw.js" is the address of the service worker (/sw.js) that ' +
      "the build writes: an alias may only name an old address\n" +
      '  <content>/news/2023/generated.md:4: aliases[2] "/pagefind/pagefind.js" is the address of Pagefind\'s ' +
      "search index (/pagefind/…) that the build writes: an alias may only name an old address\n" +
      '  <content>/news/2023/generated.md:4: aliases[3] "/feeds/news.xml" is the address of the feeds (/feeds/…) ' +
      "that the build writes: an alias may only name an old address\n" +
      '  <content>/news/2023/generated.md:4: aliases[4] "/search/" is the address of the search page (/search/) ' +
      "that the build writes: an alias may only name an old address\n" +
      '  <content>/news/2023/generated.md:4: aliases[5] "/news/2023/" is the address of the page of the year 2023 ' +
      "(/news/2023/) that the build writes: an alias may only name an old address\n" +
      '  <content>/news/2023/generated.md:4: aliases[6] "/news/2023/good/" is the address of the news item ' +
      "<content>/news/2023/good.md (/news/2023/good/) that the build writes: an alias may only name an old " +
      "address",
  },
  {
    input:
      "front matter of 100,000 unknown fields (1 MB), and one of 1,001 fields and list entries (issue 30: over 120 s)",
    files: {
      "news/2023/keys.md": `---\ntitle: Keys\ndate: 2023-11-15\n${unknownFields(100_000)}---\nBody.\n`,
      "news/2023/fields.md": `---\ntitle: Fields\ndate: 2023-11-15\n${unknownFields(999)}---\nBody.\n`,
    },
    phase: "validate",
    message:
      "2 content errors:\n" +
      "  <content>/news/2023/fields.md:1: front matter has 1,001 fields and list entries; at most 1,000 are " +
      "allowed: an item needs far fewer, so check what was pasted into it\n" +
      "  <content>/news/2023/keys.md:1: front matter is 989 kB; at most 64 kB is allowed: keep the fields short and " +
      "write the text below the closing '---'",
  },
  {
    input:
      "files named `con.md`, `aux.md`, `NUL.md`, a page bundle's `lpt1.pdf` and a folder `com1` (issue 30: built " +
      "without a word)",
    files: {
      "news/2023/con.md": newsFile({ title: "Con", date: "2023-11-15" }),
      "news/2023/aux.md": newsFile({ title: "Aux", date: "2023-11-15" }),
      "news/2023/NUL.md": newsFile({ title: "Nul", date: "2023-11-15" }),
      "news/2023/bundle/index.md": newsFile({ title: "Bundle", date: "2023-11-15" }),
      "news/2023/bundle/lpt1.pdf": "%PDF-1.4\n",
      "abstracts/com1/talk.md":
        "---\nconference: annual-27\nsession: Plenary\nspeakers:\n  - name: Jane Doe\n---\nText.\n",
    },
    phase: "validate",
    message:
      "5 content errors:\n" +
      "  <content>/news/2023/NUL.md: is named after the Windows device NUL (whatever the extension), so it cannot " +
      "be checked out on Windows: rename it\n" +
      "  <content>/news/2023/aux.md: is named after the Windows device AUX (whatever the extension), so it cannot " +
      "be checked out on Windows: rename it\n" +
      "  <content>/news/2023/bundle/lpt1.pdf: is named after the Windows device LPT1 (whatever the extension), so " +
      "it cannot be checked out on Windows: rename it\n" +
      "  <content>/news/2023/con.md: is named after the Windows device CON (whatever the extension), so it cannot " +
      "be checked out on Windows: rename it\n" +
      "  <content>/abstracts/com1: is named after the Windows device COM1 (whatever the extension), so it cannot be " +
      "checked out on Windows: rename it",
  },
  {
    input:
      "control characters in front matter: BEL in a title, NUL in a summary, U+FFFE in a speaker's name, U+2028 in " +
      "a session",
    files: {
      "news/2023/bell.md": newsFile({ title: '"Bell \\a rings"', date: "2023-11-15", summary: '"Null \\0 here"' }),
      "abstracts/annual-27/controls.md":
        '---\nconference: annual-27\nsession: "Plenary \\L session"\nspeakers:\n  - name: "Jane \\uFFFE Roe"\n---\n' +
        "Text.\n",
    },
    phase: "validate",
    message:
      "4 content errors:\n" +
      '  <content>/news/2023/bell.md:2: title "Bell \\u0007 rings" contains an invisible control character ' +
      "(U+0007): retype the text without it\n" +
      '  <content>/news/2023/bell.md:4: summary "Null \\u0000 here" contains an invisible control character ' +
      "(U+0000): retype the text without it\n" +
      '  <content>/abstracts/annual-27/controls.md:3: session "Plenary \\u2028 session" contains an invisible ' +
      "control character (U+2028): retype the text without it\n" +
      '  <content>/abstracts/annual-27/controls.md:5: speakers[0].name "Jane \\uFFFE Roe" contains an invisible ' +
      "control character (U+FFFE): retype the text without it",
  },
  {
    input:
      "`tags: [training, training, cybercrime, training]`; one speaker three times " +
      "(`Jane Doe`, `JANE DOE`, `Jané  Doe`)",
    files: {
      "news/2023/tags.md": newsFile({
        title: "Tags",
        date: "2023-11-15",
        tags: "[training, training, cybercrime, training]",
      }),
      "abstracts/annual-27/twice.md":
        "---\nconference: annual-27\nsession: Plenary\nspeakers:\n" +
        "  - name: Jane Doe\n  - name: JANE DOE\n  - name: Jané  Doe\n---\nText.\n",
    },
    phase: "validate",
    message:
      "4 content errors:\n" +
      '  <content>/news/2023/tags.md:4: tags[1] "training" is listed already (tags[0]): list each topic once\n' +
      '  <content>/news/2023/tags.md:4: tags[3] "training" is listed already (tags[0]): list each topic once\n' +
      '  <content>/abstracts/annual-27/twice.md:6: speakers[1].name "JANE DOE" is listed already (speakers[0].name ' +
      '"Jane Doe"): list each speaker once\n' +
      '  <content>/abstracts/annual-27/twice.md:7: speakers[2].name "Jan\u00e9  Doe" is listed already ' +
      '(speakers[0].name "Jane Doe"): list each speaker once',
  },
  {
    input: "`lang: spanish`, `lang: xx`, `lang: EN` (issue 23)",
    files: {
      "news/2023/spanish.md": newsFile({ title: "Spanish", date: "2023-11-15", lang: "spanish" }),
      "news/2023/xx.md": newsFile({ title: "Xx", date: "2023-11-15", lang: "xx" }),
      "abstracts/annual-27/upper.md":
        "---\nconference: annual-27\nsession: Plenary\nlang: EN\nspeakers:\n  - name: Jane Doe\n---\nText.\n",
    },
    phase: "validate",
    message:
      "3 content errors:\n" +
      '  <content>/news/2023/spanish.md:4: lang "spanish" is not a language tag a browser knows: write a BCP 47 tag ' +
      'such as es, fr or pt-BR; did you mean "es"?\n' +
      '  <content>/news/2023/xx.md:4: lang "xx" is not a language tag a browser knows: write a BCP 47 tag such as ' +
      "es, fr or pt-BR\n" +
      '  <content>/abstracts/annual-27/upper.md:4: lang "EN" is not a language tag a browser knows: write a BCP 47 ' +
      "tag such as es, fr or pt-BR",
  },
  {
    input:
      "`translationOf` a page that does not exist, the item itself, and a second Spanish translation of one item " +
      "(issue 23)",
    files: {
      "news/2023/missing.md": newsFile({
        title: "Falta",
        date: "2023-11-15",
        lang: "es",
        translationOf: "/news/2023/god/",
      }),
      "news/2023/itself.md": newsFile({
        title: "Yo",
        date: "2023-11-15",
        lang: "es",
        translationOf: "/news/2023/itself/",
      }),
      "news/2023/bueno.md": newsFile({
        title: "Bueno",
        date: "2023-11-14",
        lang: "es",
        translationOf: "/news/2023/good/",
      }),
      "news/2023/otro.md": newsFile({
        title: "Otro",
        date: "2023-11-14",
        lang: "es",
        translationOf: "/news/2023/good/",
      }),
      "news/2023/page.md": newsFile({ title: "Page", date: "2023-11-15", translationOf: "/news/2023/good" }),
    },
    phase: "validate",
    message:
      "4 content errors:\n" +
      '  <content>/news/2023/page.md:4: translationOf "/news/2023/good" must be the address of a news item or ' +
      "abstract, starting with /news/ or /abstracts/ and ending with /, e.g. " +
      "/news/2023/iap-signed-mou-with-aiamp/\n" +
      '  <content>/news/2023/itself.md:5: translationOf "/news/2023/itself/" is this item\'s own address: name the ' +
      "same item in another language\n" +
      '  <content>/news/2023/missing.md:5: translationOf "/news/2023/god/" is not the address of a news item or ' +
      'abstract in the archive; did you mean "/news/2023/good/"?\n' +
      '  <content>/news/2023/otro.md:5: translationOf "/news/2023/good/" would join a group of translations that ' +
      "has an item in Spanish (es) already, <content>/news/2023/bueno.md: a group has one item per language",
  },
  {
    input:
      "a file name with a newline and terminal escapes (`x⏎ESC[1AESC[2Kbuilt 17 pages…ESC[0m.md`), and a NUL inside " +
      "a key (`summ\\0ary:`)",
    files: {
      "news/2023/x\n\u001b[1A\u001b[2Kbuilt 17 pages (2 news, 1 abstract) in 1.21 s\u001b[0m.md": newsFile({
        title: "Forged",
        date: "2023-02-30",
      }),
      "news/2023/null-key.md": newsFile({ title: "Nul", date: "2023-11-15", "summ\0ary": "hi" }),
    },
    phase: "validate",
    message:
      "2 content errors:\n" +
      '  <content>/news/2023/null-key.md:4: summ\\0ary is not a known field; did you mean "summary"? (allowed: ' +
      "title, date, summary, tags, aliases, draft, slug, image, documents, video, lang, translationOf)\n" +
      "  <content>/news/2023/x\\n\\x1b[1A\\x1b[2Kbuilt 17 pages (2 news, 1 abstract) in 1.21 s\\x1b[0m.md:3: date " +
      '"2023-02-30" is not a calendar date (YYYY-MM-DD, e.g. 2023-11-14; no time or time zone)',
  },
  {
    input:
      "one file with `date: 2023-02-30` and `tags: [trainin]`, another translating an item that fails its own check " +
      "(issue 30: only the date, then the tag; a derived problem)",
    files: {
      "news/2023/two.md": newsFile({ title: "Two", date: "2023-02-30", tags: "[trainin]" }),
      "news/2023/broken.md": newsFile({ title: "Broken", date: "2023-11-15", summary: '""' }),
      "news/2023/roto.md": newsFile({
        title: "Roto",
        date: "2023-11-15",
        lang: "es",
        translationOf: "/news/2023/broken/",
      }),
    },
    phase: "validate",
    message:
      "3 content errors:\n" +
      '  <content>/news/2023/broken.md:4: summary "" must be one or two sentences of text, not empty\n' +
      '  <content>/news/2023/two.md:3: date "2023-02-30" is not a calendar date (YYYY-MM-DD, e.g. 2023-11-14; no ' +
      "time or time zone)\n" +
      '  <content>/news/2023/two.md:4: tags[0] "trainin" is not a known topic; did you mean "training"? (topics are ' +
      "listed in _data/topics.ts)",
  },
  {
    input: "a title of zero-width spaces only",
    files: { "news/2023/invisible.md": newsFile({ title: '"\\u200B\\u200B"', date: "2023-11-15" }) },
    phase: "validate",
    message:
      "1 content error:\n" +
      '  <content>/news/2023/invisible.md:2: title "\\u200B\\u200B" must be the headline as text, with at least one ' +
      "visible character",
  },
  {
    input: "dates `0001-01-01`, `0000-02-29`, `2099-01-01`",
    files: {
      "news/2023/first.md": newsFile({ title: "First", date: "0001-01-01" }),
      "news/2023/zero.md": newsFile({ title: "Zero", date: "0000-02-29" }),
      "news/2023/future.md": newsFile({ title: "Future", date: "2099-01-01" }),
    },
    phase: "validate",
    message:
      "3 content errors:\n" +
      '  <content>/news/2023/first.md:3: date "0001-01-01" is before 1990, the first year of the archive ' +
      "(archiveStart in _data/site.ts): check the year\n" +
      '  <content>/news/2023/future.md:3: date "2099-01-01" is after 2026, the year after this build\'s: check the ' +
      "year\n" +
      '  <content>/news/2023/zero.md:3: date "0000-02-29" is before 1990, the first year of the archive ' +
      "(archiveStart in _data/site.ts): check the year",
  },
  {
    input: "BEL, NUL, U+FFFE and U+2028 in a body",
    files: {
      "news/2023/body.md": newsFile(
        { title: "Body", date: "2023-11-15" },
        "Bell \u0007 null \u0000 non \uFFFE line \u2028 end.\n",
      ),
    },
    phase: "builds",
    message: "",
    result: "builds; the characters are dropped from the page and the feeds, which parse",
    verify: (site) => {
      assert.is(page(site.read("/news/2023/body/"))(".prose").text().trim(), "Bell  null  non  line  end.");
      for (const feed of ["/feeds/news.xml", "/feeds/abstracts.xml", "/sitemap.xml"])
        assert.equal(discoveryFileProblems(site.outDir, [feed]), [], feed);
      assert.match(JSON.parse(site.read("/feeds/news.json")).items[0].content_html, "Bell  null  non  line  end.");
    },
  },
  {
    input: "a title with an unclosed right-to-left override (U+202E)",
    files: { "news/2023/bidi.md": newsFile({ title: '"Report \\u202Ethe end"', date: "2023-11-15" }) },
    phase: "builds",
    message: "",
    result:
      'builds; the override is closed (U+202C) at the end of the title, so " · IAP News Archive" reads the right ' +
      "way in <title>, citations and feeds",
    verify: (site) => {
      const $ = page(site.read("/news/2023/bidi/"));
      assert.is($("title").text(), "Report \u202Ethe end\u202C · IAP News Archive");
      assert.match($(".citation").text(), "Report \u202Ethe end\u202C. IAP News Archive.");
      assert.is(JSON.parse(site.read("/feeds/news.json")).items[0].title, "Report \u202Ethe end\u202C");
    },
  },
  // --- the content folder's shape
  {
    input: "an unreadable content file (mode 000) and an unreadable folder, the build run by a user who is not root",
    unprivileged: true,
    files: { "news/2023/locked.md": newsFile({ title: "Locked", date: "2023-11-15" }) },
    prepare: (content) => {
      chmodSync(path.join(content, "news/2023/locked.md"), 0o000);
      chmodSync(path.join(content, "abstracts/annual-27"), 0o000);
    },
    phase: "validate",
    message:
      "2 content errors:\n" +
      "  <content>/abstracts/annual-27: cannot be listed: permission denied (EACCES): let the user running the " +
      "build read it (chmod a+r, or a+rx for a folder)\n" +
      "  <content>/news/2023/locked.md: cannot be read: permission denied (EACCES): let the user running the build " +
      "read it (chmod a+r, or a+rx for a folder)",
  },
  {
    input:
      "symbolic links to a file outside the content folder, to `/etc/passwd`, to a folder, a loop and a dangling " +
      "one; a FIFO",
    prepare: (content, dir) => {
      writeFileSync(path.join(dir, "outside.md"), newsFile({ title: "Outside", date: "2023-11-15" }));
      symlinkSync(path.join(dir, "outside.md"), path.join(content, "news/2023/outside.md"));
      symlinkSync("/etc/passwd", path.join(content, "news/2023/passwd.md"));
      symlinkSync(path.join(content, "news/2023"), path.join(content, "news/folder"));
      symlinkSync("loop.md", path.join(content, "news/2023/loop.md"));
      symlinkSync("missing.md", path.join(content, "news/2023/dangling.md"));
      execFileSync("mkfifo", [path.join(content, "news/2023/pipe.md")]);
    },
    phase: "validate",
    message:
      "6 content errors:\n" +
      "  <content>/news/2023/dangling.md: is a symbolic link that leads nowhere (its target is missing, or it is a " +
      "loop): remove it, or copy the file here\n" +
      "  <content>/news/2023/loop.md: is a symbolic link that leads nowhere (its target is missing, or it is a " +
      "loop): remove it, or copy the file here\n" +
      "  <content>/news/2023/outside.md: is a symbolic link to <dir>/outside.md, outside the content folder, which " +
      "the build never reads: copy the file into the content folder instead\n" +
      "  <content>/news/2023/passwd.md: is a symbolic link to /etc/passwd, outside the content folder, which the " +
      "build never reads: copy the file into the content folder instead\n" +
      "  <content>/news/2023/pipe.md: is a FIFO (named pipe), not a file: content files are Markdown files; remove " +
      "it\n" +
      "  <content>/news/folder: is a symbolic link to a folder, which the build does not follow: move the folder " +
      "here instead",
  },
  {
    input: "`news` is a regular file, not a folder",
    base: { "abstracts/annual-27/good.md": good["abstracts/annual-27/good.md"] },
    prepare: (content) => writeFileSync(path.join(content, "news"), "not a folder\n"),
    phase: "validate",
    message: "1 content error:\n  <content>/news: is not a folder: news/ must be a folder of Markdown files",
  },
];

/** The previous good output every failing build must leave byte-identical. */
const previous = await buildSite(writeContent(good));
const previousHash = hashTree(previous.outDir);

/** The exact message and phase of each case; nothing it may not touch is touched. */
for (const badInput of badInputs) {
  test(badInput.input, async () => {
    const dir = tempDir("bad-input-");
    const content = path.join(dir, "content");
    mkdirSync(content);
    writeContent({ ...(badInput.base ?? good), ...badInput.files }, content);
    badInput.prepare?.(content, dir);
    const contentBefore = hashTree(content);
    if (badInput.phase === "builds") {
      const notes: string[] = [];
      const site = await buildSite(content, { log: (line) => line.startsWith("note: ") && notes.push(line) });
      assert.is(placeholders(notes.join("\n"), dir), badInput.message);
      badInput.verify?.(site);
      assert.is(hashTree(content), contentBefore, "the content folder is untouched");
      return;
    }
    if (badInput.unprivileged) {
      const out = path.join(dir, "_site");
      const child = await runBuildAsUser(["--content", content, "--out", out], dir);
      assert.is(child.code, 1, child.stderr);
      const [head, ...lines] = child.stderr.trim().split("\n");
      assert.is(head, `build failed in ${badInput.phase}; ${out} was left as it was.`);
      assert.is(placeholders(lines.join("\n"), dir), badInput.message);
      assert.is(hashTree(content), contentBefore, "the content folder is untouched");
      assert.is(snapshotOf(out), "absent", "nothing was published");
      return;
    }
    const outDir = badInput.out?.(dir) ?? previous.outDir;
    const outBefore = snapshotOf(outDir);
    const error = await buildFailure(content, { outDir });
    if (process.env.SHOW_ACTUAL) console.log(JSON.stringify(placeholders(error.message, dir)));
    assert.is(placeholders(error.message, dir), badInput.message);
    assert.is(error.phase, badInput.phase);
    assert.is(hashTree(content), contentBefore, "the content folder is untouched");
    assert.is(snapshotOf(outDir), outBefore, "the output is untouched");
    assert.is(hashTree(previous.outDir), previousHash, "the previous output is untouched");
  });
}

test("a symbolic link to a file inside the content folder is followed", async () => {
  const content = writeContent(good);
  mkdirSync(path.join(content, "news/links"));
  symlinkSync("../2023/good.md", path.join(content, "news/links/linked.md"));
  const site = await buildSite(content);
  assert.equal([site.report.news, site.exists("/news/2023/linked/")], [2, true]);
});

test("the command line refuses --out naming the content folder with exit code 1, before writing anything", async () => {
  const dir = tempDir("bad-input-");
  const content = writeContent(good, path.join(dir, "content"));
  const before = hashTree(content);
  const child = await runBuildAsUser(["--content", content, "--out", content], dir);
  assert.is(child.code, 1);
  const [head, ...lines] = child.stderr.trim().split("\n");
  assert.is(head, `build failed in options; ${content} was left as it was.`);
  assert.equal(placeholders(lines.join("\n"), dir), badInputs[0]?.message);
  assert.is(hashTree(content), before);
});

test("docs/bad-input.md is this catalogue", () => {
  const file = path.join(repoRoot, "docs/bad-input.md");
  const expected = catalogue(badInputs);
  if (process.env.UPDATE_CATALOGUE) writeFileSync(file, expected);
  assert.fixture(readFileSync(file, "utf8"), expected);
});

test.run();

/**
 * The build's command line as a user who is not root: as `nobody` through util-linux's `setpriv`
 * when the tests run as root, else as the user running them. `dir` is opened for that user to read and write.
 */
function runBuildAsUser(args: string[], dir: string): Promise<{ code: number | null; stderr: string }> {
  const asRoot = process.getuid?.() === 0;
  // That user reads the content and writes the output beside it, as in a folder of their own.
  if (asRoot) chmodSync(dir, 0o777);
  const command = [process.execPath, "--import", "tsx", "scripts/build.ts", ...args];
  const [file, ...rest] = asRoot
    ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--", ...command]
    : command;
  return new Promise((resolve) => {
    const child = spawn(file as string, rest, {
      cwd: repoRoot,
      env: { ...process.env, HOME: tmpdir() },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

/** A cheap fingerprint of what is at `target`: a folder's tree hash, a file's bytes, or nothing. */
function snapshotOf(target: string): string {
  if (target === "/" || target === repoRoot || target.startsWith(`${repoRoot}/`))
    return "not hashed: the project or the root";
  try {
    return lstatSync(target).isDirectory() ? hashTree(target) : readFileSync(target, "utf8");
  } catch {
    return "absent";
  }
}

function placeholders(message: string, dir: string): string {
  return message.split(path.join(dir, "content")).join("<content>").split(dir).join("<dir>");
}

export function catalogue(rows: readonly BadInput[]): string {
  const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n\s*/g, "<br>");
  return [
    "# Bad input: what the build says",
    "",
    "Every row is a test in `test/build/bad-input.test.ts`, which builds it for real and checks this file against it.",
    "In each case the build exits with code 1 and leaves the content folder and the previous output byte-identical,",
    'except where the phase is "builds": those build, with the notes shown.',
    "`<content>` is the content folder (`--content`), `<dir>` the folder holding it.",
    "Every message shows control characters in the names and values it quotes escaped (`\\n`, `\\t`, `\\0`, " +
      "`\\x1b`, `\\u202e`), so that",
    "a file name can neither forge a line nor drive the terminal. Which output folders a build may replace, and how " +
      "a full disk",
    "or a read-only output is reported: [deploy.md](deploy.md#the-output-folder).",
    "",
    "| Input | Phase | What the build says |",
    "|---|---|---|",
    ...rows.map(
      (row) => `| ${cell(row.input)} | ${row.phase} | ${cell(row.message || `(no message) ${row.result ?? ""}`)} |`,
    ),
    "",
    "## Zips and web archives given to `npm run verify`",
    "",
    `A zip or WACZ is read from its central directory first. When its entries declare more ` +
      `than ${maxInflationRatio} times the`,
    `zip's own size and more than ${inflationFloor / 1024 ** 2} MiB in all, verify refuses it before inflating ` +
      `anything, with exit code 1`,
    "and one line naming the zip, the entry and the sizes. An entry that inflates past the size it declares is stopped",
    "there and reported as damaged. `test/scripts/verify.test.ts` checks both, each in seconds and well under 1 GB:",
    "",
    '    verify: <dir>/bomb.zip: entry "zeros.bin" would inflate to 4295.0 MB, over the 424.8 MB a zip of 4.2 MB ' +
      "may hold (100 times its size): refused as a likely zip bomb, nothing inflated",
    "    damaged: datapackage.json: damaged (it inflates to more than the 1000 bytes the zip's directory declares)",
    "",
    "## PDFs and the media cache",
    "",
    `A PDF's text is read by pdf.js on a thread of its own, within ${pdfTextLimits.seconds} s ` +
      `and ${pdfTextLimits.memoryMb} MB of memory for one PDF (\`pdfTextLimits\``,
    "in `scripts/lib/content/pdf-text.ts`; the memory is what the process grows by while it reads the PDF, as " +
      "pdf.js keeps",
    "inflated streams outside the JavaScript heap). Past either limit the thread is ended and the build goes on: " +
      "the PDF",
    "is published and listed, its text not searchable, with one warning, and the result is not cached, so the next " +
      "build",
    "tries again. A warning, not an error: the document itself is fine to download, and staff cannot repair a PDF " +
      "someone",
    "else published. `test/build/pdf-limits.test.ts` builds a 3 MB PDF inflating to 3 GiB of zeros and one of 1 GiB " +
      "of text",
    "operators, each stopped in seconds and under 1 GB more than the process held before the build:",
    "",
    `    warning: <content>/news/2023/bomb/index.md:7: documents[1].src: bomb.pdf cannot be read (its text could ` +
      `not be extracted within ${pdfTextLimits.memoryMb} MB of memory, the limit for one PDF): it is listed on the ` +
      `page but its text is not searchable`,
    "",
    "The media cache (`.cache/media`) keeps each PDF's text, each image's record and the processed images. An entry " +
      "that",
    "cannot be used (cut short, empty, not JSON, not in the form this build writes, a processed image missing or of",
    "another size than its record says) is a cache problem, never a content problem: it is discarded, recomputed and",
    "reported once, and the output is byte-identical to a build with an empty cache " +
      "(`test/build/media-cache.test.ts`):",
    "",
    "    warning: cache: discarded an unreadable entry for " +
      "<content>/news/2023/signed/photo.jpg (.cache/media/images/records/<hash>.json: not valid JSON): recomputed",
    "",
  ].join("\n");
}
