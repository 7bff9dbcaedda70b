import { test } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import { conferences, topics } from "../../scripts/lib/content/data.ts";
import { parseCliArgs } from "../../scripts/generate-corpus.ts";
import { distinctWords, generateCorpus, quoteYaml, slugify, UsageError } from "../../scripts/bench/corpus.ts";

// The corpus reads its ids from _data/, so a topic or conference added there is used at once.
const ALLOWED_TOPICS = new Set(topics.map((topic) => topic.id));
const ALLOWED_CONFERENCES = new Set(conferences.map((conference) => conference.id));

const files = generateCorpus({ news: 50, abstracts: 20 });
const newsFiles = files.filter((file) => file.path.startsWith("news/"));
const abstractFiles = files.filter((file) => file.path.startsWith("abstracts/"));

function frontMatter(text: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (match?.[1] === undefined) throw new Error(`no front matter in:\n${text.slice(0, 200)}`);
  const data: unknown = parse(match[1]);
  if (typeof data !== "object" || data === null || Array.isArray(data))
    throw new Error("front matter is not a mapping");
  return data as Record<string, unknown>;
}

function slugOf(filePath: string): string {
  return filePath.slice(filePath.lastIndexOf("/") + 1, -".md".length);
}

function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.split("-").map(Number);
  if (year === undefined || month === undefined || day === undefined) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

test("returns the requested number of news items and abstracts", () => {
  assert.is(files.length, 70);
  assert.is(newsFiles.length, 50);
  assert.is(abstractFiles.length, 20);
});

test("is deterministic for the same options", () => {
  assert.equal(generateCorpus({ news: 50, abstracts: 20 }), files);
  assert.equal(generateCorpus({ news: 50, abstracts: 20, seed: 1 }), files);
});

test("a different seed gives different output", () => {
  assert.not.equal(generateCorpus({ news: 50, abstracts: 20, seed: 2 }), files);
});

test("paths and slugs are unique, lowercase ascii, with forward slashes", () => {
  assert.is(new Set(files.map((file) => file.path)).size, files.length);
  assert.is(new Set(files.map((file) => slugOf(file.path))).size, files.length);
  for (const file of files) {
    assert.not.ok(file.path.includes("\\"), file.path);
    assert.match(slugOf(file.path), /^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  }
});

test("news front matter: unique title, real date matching the folder, allowed tags", () => {
  const titles = new Set<string>();
  for (const file of newsFiles) {
    const data = frontMatter(file.text);
    assert.type(data.title, "string");
    titles.add(String(data.title));
    const date = data.date;
    assert.type(date, "string", `${file.path}: date should stay a string`);
    assert.match(String(date), /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(isCalendarDate(String(date)), `${file.path}: ${String(date)} is not a calendar date`);
    assert.ok(String(date) >= "1996-01-01" && String(date) <= "2025-12-31", String(date));
    assert.match(file.path, new RegExp(`^news/${String(date).slice(0, 4)}/[^/]+\\.md$`));
    if (data.summary !== undefined) assert.type(data.summary, "string");
    assert.ok(Array.isArray(data.tags), `${file.path}: tags should be a list`);
    const tags = data.tags as unknown[];
    assert.ok(tags.length <= 3);
    for (const tag of tags) assert.ok(ALLOWED_TOPICS.has(String(tag)), `unknown tag ${String(tag)}`);
  }
  assert.is(titles.size, newsFiles.length);
});

test("abstract front matter: allowed conference matching the folder, session, 1–3 named speakers", () => {
  for (const file of abstractFiles) {
    const data = frontMatter(file.text);
    const conference = String(data.conference);
    assert.ok(ALLOWED_CONFERENCES.has(conference), `unknown conference ${conference}`);
    assert.match(file.path, new RegExp(`^abstracts/${conference}/[^/]+\\.md$`));
    assert.type(data.session, "string");
    assert.ok(Array.isArray(data.speakers));
    const speakers = data.speakers as unknown[];
    assert.ok(speakers.length >= 1 && speakers.length <= 3, `${file.path}: ${speakers.length} speakers`);
    for (const speaker of speakers) {
      assert.type((speaker as Record<string, unknown>).name, "string");
    }
    if (data.title !== undefined) assert.type(data.title, "string");
  }
});

test("bodies are non-trivial markdown", () => {
  for (const file of files) {
    const body = file.text.replace(/^---\n[\s\S]*?\n---\n/, "");
    assert.ok(body.trim().length > 500, `${file.path}: body too short`);
  }
});

test("the vocabulary is a real archive's: thousands of distinct words, frequent ones frequent", () => {
  const bodies = files.map((file) => file.text.replace(/^---\n[\s\S]*?\n---\n/, ""));
  const tokens =
    bodies
      .join(" ")
      .toLowerCase()
      .match(/[\p{L}\p{M}]+/gu) ?? [];
  const words = distinctWords(bodies);
  // Heaps' law: about 36,000 words of English prose hold 4,000–7,000 distinct ones (309 in the old generator).
  assert.ok(tokens.length > 30_000 && tokens.length < 45_000, `${tokens.length} words`);
  assert.ok(words.size > 4000 && words.size < 7000, `${words.size} distinct words`);
  const count = (word: string) => tokens.filter((token) => token === word).length;
  assert.ok(count("the") > 20 * count("law"), `the ${count("the")}, law ${count("law")}`);
  assert.ok(count("law") > 0);
});

test("people, places and organisations keep their diacritics and scripts", () => {
  const words = [...distinctWords(files.map((file) => file.text))];
  const nonAscii = words.filter((word) => /[^a-z]/.test(word));
  assert.ok(nonAscii.length > 200, `${nonAscii.length} words with diacritics`);
  for (const script of [/\p{Script=Greek}/u, /\p{Script=Cyrillic}/u, /[ąćęłńśźż]/u, /[ạ-ỹ]/u]) {
    assert.ok(
      words.some((word) => script.test(word)),
      `no word matches ${script}`,
    );
  }
});

test("the Brown Corpus text: real sentences, a vocabulary of its own, the same content model", () => {
  const brown = generateCorpus({ news: 400, abstracts: 100, seed: 2, text: "brown" });
  assert.equal(generateCorpus({ news: 400, abstracts: 100, seed: 2, text: "brown" }), brown);
  const body = brown[0]?.text.split("\n---\n")[1] ?? "";
  // A sentence of the corpus's first sample, as printed in every edition.
  assert.ok(
    generateCorpus({ news: 2000, abstracts: 0, seed: 2, text: "brown" }).some((file) =>
      file.text.includes("The jury further said in term-end presentments that the City Executive Committee"),
    ),
  );
  assert.ok(body.length > 1000, body.slice(0, 200));
  for (const file of brown) {
    const data = frontMatter(file.text);
    if (file.path.startsWith("news/"))
      assert.ok(Array.isArray(data.tags) && data.tags.every((tag) => ALLOWED_TOPICS.has(String(tag))), file.path);
    else assert.ok(ALLOWED_CONFERENCES.has(String(data.conference)), file.path);
  }
  const subtlex = distinctWords(generateCorpus({ news: 400, abstracts: 100 }).map((file) => file.text));
  const own = distinctWords(brown.map((file) => file.text));
  const shared = [...own].filter((word) => subtlex.has(word)).length;
  // Two vocabularies that overlap in their common words only.
  assert.ok(shared / own.size < 0.5, `${shared} of ${own.size} words shared`);
});

test("quoteYaml round-trips quotes, backslashes and accents", () => {
  const value = 'Report on "São Paulo" \\ Núñez: a #1 - [draft]';
  assert.is(parse(`title: ${quoteYaml(value)}`).title, value);
});

test("slugify folds accents and strips punctuation", () => {
  assert.is(slugify("Prosecutors meet in Bogotá: Zürich & Kraków"), "prosecutors-meet-in-bogota-zurich-krakow");
});

test("--other-languages 0.1: about 10 % of items Spanish or French, in their words; half the news translated", () => {
  const mixed = generateCorpus({ news: 1000, abstracts: 200, otherLanguages: 0.1 });
  const langs = mixed.map((file) => frontMatter(file.text).lang ?? "en");
  const count = (tag: string) => langs.filter((lang) => lang === tag).length;
  assert.equal([count("en"), count("es"), count("fr")], [1077, 59, 64]);
  const spanish = mixed
    .filter((file) => frontMatter(file.text).lang === "es")
    .map((file) => file.text.split("\n---\n")[1] ?? "");
  const words = [...distinctWords(spanish)];
  for (const word of ["que", "de", "el", "está"]) assert.ok(words.includes(word), word);
  const translations = mixed.filter((file) => frontMatter(file.text).translationOf !== undefined);
  assert.is(translations.length, 40);
  // Each names an English news item of the corpus, of its own date.
  const urls = new Map(mixed.map((file) => [`/${file.path.replace(/\.md$/, "/")}`, frontMatter(file.text)]));
  for (const file of translations) {
    const original = urls.get(String(frontMatter(file.text).translationOf));
    assert.ok(original && original.lang === undefined && original.date === frontMatter(file.text).date, file.path);
  }
  // Without the option the corpus is all English, as before it existed.
  assert.equal(generateCorpus({ news: 50, abstracts: 20, otherLanguages: 0 }), files);
});

test("CLI arguments: defaults, missing --out and unknown flags", () => {
  assert.equal(parseCliArgs(["--out", "x"]), {
    news: 8000,
    abstracts: 2000,
    seed: 1,
    text: "subtlex",
    otherLanguages: 0,
    out: "x",
  });
  assert.equal(parseCliArgs(["--out", "x", "--text", "brown", "--seed", "2"]), {
    news: 8000,
    abstracts: 2000,
    seed: 2,
    text: "brown",
    otherLanguages: 0,
    out: "x",
  });
  assert.throws(
    () => parseCliArgs(["--out", "x", "--text", "lorem"]),
    (error: unknown) =>
      error instanceof UsageError && error.message === '--text must be one of subtlex, brown, got "lorem"',
  );
  assert.is(parseCliArgs(["--out", "x", "--other-languages", "0.1"]).otherLanguages, 0.1);
  assert.throws(
    () => parseCliArgs(["--out", "x", "--other-languages", "10%"]),
    (error: unknown) => error instanceof UsageError,
  );
  assert.throws(
    () => parseCliArgs(["--out", "x", "--other-languages", "2"]),
    (error: unknown) => error instanceof UsageError,
  );
  assert.throws(
    () => parseCliArgs([]),
    (error: unknown) => error instanceof UsageError,
  );
  assert.throws(
    () => parseCliArgs(["--out", "x", "--bogus"]),
    (error: unknown) => error instanceof UsageError,
  );
  assert.throws(
    () => parseCliArgs(["--out", "x", "--news", "-3"]),
    (error: unknown) => error instanceof UsageError,
  );
});

test.run();
