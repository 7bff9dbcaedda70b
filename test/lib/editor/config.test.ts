/** The editor's configuration, made from the content model: scripts/lib/editor/config.ts. */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { z } from "zod";
import { checkedData, conferences, topics } from "../../../scripts/lib/content/data.ts";
import { abstractSchema, newsSchema, topicSchema } from "../../../scripts/lib/content/schema.ts";
import {
  editorConfig,
  previewLabels,
  type EditorConfigInput,
  type EditorField,
} from "../../../scripts/lib/editor/config.ts";
import { repoRoot, tempDir } from "../../support/site.ts";

const input: EditorConfigInput = {
  topics,
  conferences,
  backend: { local: "http://127.0.0.1:8081/api/v1" },
  contentFolder: "",
  siteUrl: "https://archive.example.org/",
};

function collection(
  setup: ReturnType<typeof editorConfig>,
  name: string,
): { folder: string; path: string; media_folder: string; fields: EditorField[] } {
  const found = (setup.config["collections"] as { name: string }[]).find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no collection ${name}`);
  return found as never;
}

const field = (fields: EditorField[], name: string): EditorField => {
  const found = fields.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no field ${name} in ${fields.map((candidate) => candidate.name).join(", ")}`);
  return found;
};

test("news are a folder collection of page bundles: news/<year>/<slug>/index.md with files beside it", () => {
  const news = collection(editorConfig(input), "news");
  assert.is(news.folder, "news");
  assert.is(news.path, "{{year}}/{{slug}}/index");
  assert.is(news.media_folder, "");
  assert.is(collection(editorConfig({ ...input, contentFolder: "src" }), "abstracts").folder, "src/abstracts");
});

test("the local backend is decap-server's API; a live backend is passed as _data/site.ts gives it", () => {
  assert.equal(editorConfig(input).config["backend"], {
    name: "proxy",
    proxy_url: "http://127.0.0.1:8081/api/v1",
    branch: "main",
  });
  assert.equal(editorConfig({ ...input, backend: { name: "github", repo: "iap/archive" } }).config["backend"], {
    name: "github",
    repo: "iap/archive",
  });
});

test("news fields follow the schema's order: required ones required, dates as calendar dates, topics by label", () => {
  const fields = collection(editorConfig(input), "news").fields;
  assert.equal(
    fields.map((candidate) => [candidate.name, candidate.widget, candidate.required ?? true]),
    [
      ["title", "string", true],
      ["date", "date", true],
      ["summary", "text", false],
      ["tags", "select", false],
      ["aliases", "list", false],
      ["draft", "boolean", false],
      ["slug", "string", false],
      ["image", "object", false],
      ["documents", "list", false],
      ["video", "object", false],
      ["lang", "string", false],
      ["translationOf", "string", false],
      ["body", "markdown", true],
    ],
  );
  assert.equal(field(fields, "date"), { name: "date", label: "Date", widget: "date" });
  const tags = field(fields, "tags");
  assert.is(tags["multiple"], true);
  assert.equal((tags["options"] as unknown[])[0], {
    label: "International cooperation",
    value: "international-cooperation",
  });
  assert.is((tags["options"] as unknown[]).length, topics.length);
  assert.equal(field(fields, "slug")["pattern"], [
    "^[a-z0-9]+(?:-[a-z0-9]+)*$",
    "must match ^[a-z0-9]+(?:-[a-z0-9]+)*$",
  ]);
});

test("the lead image: a photo widget with its alt text, both checked before saving when a photo is given", () => {
  const setup = editorConfig(input);
  const image = field(collection(setup, "news").fields, "image");
  const children = image["fields"] as EditorField[];
  assert.equal(
    children.map((child) => [child.name, child.widget]),
    [
      ["src", "image"],
      ["alt", "string"],
      ["caption", "string"],
      ["credit", "string"],
    ],
  );
  assert.is(field(children, "alt").label, "Description of the photo (alt text)");
  assert.equal(
    setup.requiredWithObjects.find((rule) => rule.collection === "news" && rule.field === "image"),
    {
      collection: "news",
      field: "image",
      label: "Image",
      required: [
        { name: "src", label: "Photo" },
        { name: "alt", label: "Description of the photo (alt text)" },
      ],
    },
  );
});

test("documents and speakers are lists of objects; conference is a select of conference names", () => {
  const setup = editorConfig(input);
  const documents = field(collection(setup, "news").fields, "documents");
  assert.equal(
    (documents["fields"] as EditorField[]).map((child) => [child.name, child.widget, child.required ?? true]),
    [
      ["src", "file", true],
      ["title", "string", true],
      ["language", "string", false],
    ],
  );
  const abstracts = collection(setup, "abstracts").fields;
  const speakers = field(abstracts, "speakers");
  assert.is(speakers["min"], 1);
  assert.equal(
    (speakers["fields"] as EditorField[]).map((child) => [child.name, child.required ?? true]),
    [
      ["name", true],
      ["role", false],
      ["organisation", false],
      ["sort", false],
    ],
  );
  const conference = field(abstracts, "conference");
  assert.is(conference.widget, "select");
  assert.equal((conference["options"] as unknown[])[1], {
    label: "IAP 27th Annual Conference & General Meeting",
    value: "annual-27",
  });
});

test("the preview pane's names: topics and conferences by id, as the site shows them", () => {
  const labels = previewLabels(topics, conferences);
  assert.is(labels.topics["international-cooperation"], "International cooperation");
  assert.equal(labels.conferences["annual-27"], {
    name: "IAP 27th Annual Conference & General Meeting",
    start: "2022-09-25",
    end: "2022-09-29",
  });
  assert.is(Object.keys(labels.topics).length, topics.length);
});

test("a topic added to a copy of _data/topics.ts is an option of the topics field", async () => {
  const copy = path.join(tempDir("topics-"), "topics.ts");
  const source = readFileSync(path.join(repoRoot, "_data/topics.ts"), "utf8").replace(
    /\];\s*$/,
    '  { id: "maritime-crime", label: "Maritime crime", description: "Crime at sea: piracy, smuggling by ship." ' +
      "},\n];\n",
  );
  assert.ok(source.includes("maritime-crime"), "the topic was added to the copy");
  writeFileSync(copy, source);
  const { default: raw } = (await import(pathToFileURL(copy).href)) as { default: unknown };
  const copied = checkedData("topics", topicSchema.array(), raw);
  const options = field(collection(editorConfig({ ...input, topics: copied }), "news").fields, "tags")["options"] as {
    label: string;
    value: string;
  }[];
  assert.equal(options.at(-1), { label: "Maritime crime", value: "maritime-crime" });
  assert.is(options.length, topics.length + 1);
});

test("a field made required in the schema is required in the form; a new field appears with its label", () => {
  const news = newsSchema.required({ summary: true }).extend({
    translationOf: z
      .string()
      .regex(/^\/news\//)
      .optional(),
  });
  const fields = collection(editorConfig({ ...input, schemas: { news, abstracts: abstractSchema } }), "news").fields;
  assert.is(field(fields, "summary").required, undefined);
  assert.equal(field(fields, "translationOf"), {
    name: "translationOf",
    label: "Translation of",
    widget: "string",
    pattern: ["^\\/news\\/", "must match ^\\/news\\/"],
    required: false,
  });
});

test.run();
