/** The rules file (scripts/lib/import/rules.ts): YAML and TypeScript, each mistake named with the file and field. */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { conferences, topics } from "../../../scripts/lib/content/data.ts";
import { loadRules, matchesAny, patternExpression, RulesError } from "../../../scripts/lib/import/rules.ts";
import { displayPath } from "../../../scripts/lib/util/paths.ts";
import { tempDir } from "../../support/site.ts";

const known = { topics, conferences };
const file = (name: string, text: string) => {
  const target = path.join(tempDir("rules-"), name);
  writeFileSync(target, text);
  return target;
};
async function refusal(target: string): Promise<string> {
  try {
    await loadRules(target, known);
  } catch (error) {
    assert.instance(error, RulesError);
    return (error as Error).message;
  }
  throw new Error(`expected ${target} to be refused`);
}

const yaml = `siteName: IAP
ignore: [/Search/**, "/**?print=*"]
news: [/News/**, /Spanish/**]
abstracts:
  - urls: [/Conferences/27th/**]
    conference: annual-27
    session: .session-name
    speakers: .speaker .name
selectors:
  body: .Normal
  drop: [.ShareBar, "#LeftPane"]
dateOrder: day-month
languages:
  - urls: [/Spanish/**]
    lang: es
categories:
  - urls: [/News/Cybercrime-*]
    tags: [cybercrime]
ignoreQuery: [tabid]
`;

test("a YAML rules file with every field is read as written", async () => {
  const rules = await loadRules(file("rules.yaml", yaml), known);
  assert.equal(rules.selectors, { body: ".Normal", drop: [".ShareBar", "#LeftPane"] });
  assert.equal(rules.abstracts, [
    { urls: ["/Conferences/27th/**"], conference: "annual-27", session: ".session-name", speakers: ".speaker .name" },
  ]);
  assert.is(rules.dateOrder, "day-month");
});

test("a TypeScript rules file: its default export, or a function returning the rules", async () => {
  assert.equal(
    await loadRules(file("rules.ts", `export default { news: ["/News/**"], dateOrder: "month-day" };\n`), known),
    { news: ["/News/**"], dateOrder: "month-day" },
  );
  assert.equal(await loadRules(file("rules.mjs", `export default () => ({ ignore: ["/Login"] });\n`), known), {
    ignore: ["/Login"],
  });
});

test("each mistake is one line naming the file, the field and what is allowed", async () => {
  const bad = file("bad.yaml", "dateOrder: european\nnews: News/**\nselectors:\n  body: 'div['\ncolour: red\n");
  const shown = displayPath(bad);
  assert.is(
    await refusal(bad),
    [
      `${shown}: news must be a list of path patterns, e.g. [/News/**]`,
      `${shown}: dateOrder must be "day-month" (08/09/2013 is 8 September) or "month-day" (9 August)`,
      `${shown}: colour is not a known field (allowed: siteName, ignore, news, abstracts, selectors, dateOrder, ` +
        `languages, categories, ignoreQuery)`,
    ].join("\n"),
  );
  const ids = file(
    "ids.yaml",
    "categories:\n  - urls: [/News/**]\n    tags: [trainin]\nabstracts:\n  - urls: [/C/**]\n" +
      "    conference: annual-72\nselectors:\n  body: 'div['\n",
  );
  assert.is(
    await refusal(ids),
    [
      `${displayPath(ids)}: categories[0].tags[0] "trainin" is not a known topic; did you mean "training"? (topics ` +
        `are listed in _data/topics.ts)`,
      `${displayPath(ids)}: abstracts[0].conference "annual-72" is not a known conference; did you mean ` +
        `"annual-27"? (conferences are listed in _data/conferences.ts)`,
      `${displayPath(ids)}: selectors.body "div[" is not a CSS selector`,
    ].join("\n"),
  );
});

test("a file that is not YAML, not a module, or of another kind", async () => {
  const broken = file("broken.yaml", "news: [/News/**\n");
  assert.is(
    await refusal(broken),
    `${displayPath(broken)}: is not valid YAML: Flow sequence in block collection must be sufficiently indented and ` +
      `end with a ]`,
  );
  const text = file("rules.txt", "news: []");
  assert.is(await refusal(text), `${displayPath(text)}: is not a rules file: use .yaml, .yml or .ts`);
  const empty = file("empty.ts", "export const x = 1;\n");
  assert.is(await refusal(empty), `${displayPath(empty)}: has no default export: write "export default { ... }"`);
});

test("path patterns: * within a segment, ** across, case ignored, the query matched too", () => {
  assert.is(patternExpression("/News/*").source, "^\\/News\\/[^/]*$");
  assert.ok(matchesAny("/News/The-IAP-signed", ["/news/*"]));
  assert.not.ok(matchesAny("/News/2023/The-IAP", ["/News/*"]));
  assert.ok(matchesAny("/News/2023/The-IAP", ["/News/**"]));
  assert.ok(matchesAny("/News/A?print=1", ["/**?print=*"]));
  assert.not.ok(matchesAny("/News/A", undefined));
});

test.run();
