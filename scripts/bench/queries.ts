/**
 * The cold queries the bench times on each corpus, as a reader makes them: one word, a news item's
 * 9-word title, a speaker's surname, and one word narrowed by a topic. Each is found in the corpus
 * itself, with the results a reader expects: the page is timed until one of them is shown.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { topics } from "../lib/content/data.ts";

export interface BenchQuery {
  kind: "word" | "title" | "surname" | "filtered";
  words: string;
  /** A topic id the results are narrowed to (our page's `topic=`), with its label (the default UI's filter value). */
  topic?: { id: string; label: string };
  /** Result pages the reader is looking for (site paths); undefined: any result will do. */
  expected?: string[];
}

interface Item {
  url: string;
  data: { title?: string; tags?: string[]; speakers?: { name: string }[] };
  body: string;
}

/** One word per corpus text that its articles use, not too often: a reader's first search. */
const oneWord: Record<string, string> = { subtlex: "extradition", brown: "jury" };

function readItems(contentDir: string): Item[] {
  const items: Item[] = [];
  for (const kind of ["news", "abstracts"]) {
    const root = path.join(contentDir, kind);
    for (const file of readdirSync(root, { recursive: true, encoding: "utf8" })
      .filter((name) => name.endsWith(".md"))
      .sort()) {
      const text = readFileSync(path.join(root, file), "utf8");
      const end = text.indexOf("\n---\n", 4);
      items.push({
        url: `/${kind}/${file.replace(/\\/g, "/").replace(/\.md$/, "")}/`,
        data: parse(text.slice(4, end)) as Item["data"],
        body: text.slice(end + 5),
      });
    }
  }
  return items;
}

/** The four queries on a corpus written by scripts/bench/corpus.ts (`text` names its words). */
export function benchQueries(contentDir: string, text: string): BenchQuery[] {
  const items = readItems(contentDir);
  const word = oneWord[text] ?? "court";
  const titled = items.find((item) => item.url.startsWith("/news/") && item.data.title?.split(" ").length === 9);
  const speaker = items
    .flatMap((item) => item.data.speakers ?? [])
    .map((person) => person.name.split(" ").at(-1) ?? "")
    .find((surname) => /^\p{Lu}\p{Ll}{4,}$/u.test(surname));
  const withWord = items.filter((item) => new RegExp(`\\b${word}\\b`, "i").test(item.body));
  const topicId = withWord.flatMap((item) => item.data.tags ?? [])[0];
  const topic = topics.find((candidate) => candidate.id === topicId);
  if (!titled?.data.title || !speaker || !topic)
    throw new Error(`${contentDir}: no 9-word title, speaker surname or tagged item with "${word}" to search for`);
  return [
    { kind: "word", words: word },
    { kind: "title", words: titled.data.title, expected: [titled.url] },
    {
      kind: "surname",
      words: speaker,
      expected: items
        .filter((item) => item.data.speakers?.some((person) => person.name.endsWith(` ${speaker}`)))
        .map((item) => item.url),
    },
    {
      kind: "filtered",
      words: word,
      topic: { id: topic.id, label: topic.label },
      expected: items.filter((item) => item.data.tags?.includes(topic.id)).map((item) => item.url),
    },
  ];
}

/** Our search page's address for a query: its whole state is in the URL. */
export function searchPageQuery(query: BenchQuery): string {
  const params = new URLSearchParams({ q: query.words });
  if (query.topic) params.set("topic", query.topic.id);
  return `?${params.toString()}`;
}
