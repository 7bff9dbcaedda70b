/**
 * The editor's configuration (Decap CMS's `config.yml`), made from the content model, never written
 * by hand: each collection's fields come from its zod schema in `scripts/lib/content/schema.ts` through zod's
 * JSON Schema, so a field added there appears in the form with its type, whether it is required,
 * its pattern, and whether it is a list or an object. Topics and conferences become the options of
 * `tags` and `conference`. What JSON Schema cannot say (a file is an image, a summary is a paragraph)
 * is said once, by field name, in `widgetFor`.
 */
import { z } from "zod";
import { abstractSchema, newsSchema, type Conference, type Topic } from "../content/schema.ts";

/** A Decap field as it appears in `config.yml`. */
export type EditorField = Record<string, unknown> & { name: string; label: string; widget: string };

export interface EditorConfigInput {
  topics: readonly Topic[];
  conferences: readonly Conference[];
  /**
   * Where Decap reads and writes: the local backend (`npm start`, decap-server on loopback), or the
   * live site's Git host (`editor.backend` in _data/site.ts).
   */
  backend: { local: string } | Record<string, unknown>;
  /**
   * The content folder's path in the repository ("src"), or "" when the backend's root is the
   * content folder itself.
   */
  contentFolder: string;
  /** The live site's address, for Decap's "view live" links. */
  siteUrl: string;
  /** The schemas of the two collections; the content model's by default (tests pass others). */
  schemas?: { news: z.ZodType; abstracts: z.ZodType };
}

type JsonSchema = {
  type?: string;
  format?: string;
  pattern?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
};

/** "translationOf" → "Translation of", "src" → "File": the form's label for a field. */
export function labelFor(name: string, path: string): string {
  const labels: Record<string, string> = {
    tags: "Topics",
    lang: "Language",
    src: path.startsWith("image") ? "Photo" : "File",
    alt: "Description of the photo (alt text)",
  };
  const spaced = name.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return labels[name] ?? spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/**
 * The widget of one field: first what only the editor knows, by name and place (`path` is the
 * field's place, "image.src"); then what its JSON Schema says.
 */
function widgetFor(path: string, schema: JsonSchema, input: EditorConfigInput): Partial<EditorField> | undefined {
  switch (path) {
    case "tags":
      return {
        widget: "select",
        multiple: true,
        options: input.topics.map((topic) => ({ label: topic.label, value: topic.id })),
      };
    case "conference":
      return {
        widget: "select",
        options: input.conferences.map((conference) => ({ label: conference.name, value: conference.id })),
      };
    case "image.src":
      return { widget: "image", choose_url: false };
    case "documents.src":
      return { widget: "file", choose_url: false };
    case "summary":
      return { widget: "text" };
  }
  if (schema.type === "string" && schema.format === "date") {
    // The browser's date input writing YYYY-MM-DD, the calendar date the build reads
    // (src/assets/editor/calendar-date.ts).
    return { widget: "date" };
  }
  if (schema.enum) return { widget: "select", options: schema.enum.map(String) };
  return undefined;
}

/** The Decap fields of an object schema's properties, in the schema's order. */
export function fieldsOf(schema: JsonSchema, input: EditorConfigInput, prefix = ""): EditorField[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const path = prefix + name;
    const field: EditorField = {
      name,
      label: labelFor(name, path),
      widget: "string",
      ...fieldFromSchema(path, property, input),
    };
    // Decap takes every field as required unless told otherwise.
    if (!required.has(name)) field.required = false;
    if (property.description) field.hint = property.description;
    return field;
  });
}

function fieldFromSchema(path: string, schema: JsonSchema, input: EditorConfigInput): Partial<EditorField> {
  const special = widgetFor(path, schema, input);
  if (special) return special;
  switch (schema.type) {
    case "boolean":
      return { widget: "boolean" };
    case "number":
    case "integer":
      return { widget: "number", value_type: schema.type === "integer" ? "int" : "float" };
    case "object":
      return { widget: "object", collapsed: false, fields: fieldsOf(schema, input, `${path}.`) };
    case "array": {
      const items = schema.items ?? {};
      const bounds = {
        ...(schema.minItems ? { min: schema.minItems } : {}),
        ...(schema.maxItems ? { max: schema.maxItems } : {}),
      };
      if (items.type === "object") return { widget: "list", ...bounds, fields: fieldsOf(items, input, `${path}.`) };
      return {
        widget: "list",
        ...bounds,
        field: {
          name: path.split(".").pop(),
          label: labelFor(path.split(".").pop() ?? path, path),
          widget: "string",
          ...patternOf(items),
        },
      };
    }
    default:
      return { widget: "string", ...patternOf(schema) };
  }
}

function patternOf(schema: JsonSchema): Partial<EditorField> {
  return schema.pattern ? { pattern: [schema.pattern, `must match ${schema.pattern}`] } : {};
}

/** The JSON Schema of a content schema as staff write it (zod's input side). */
function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
}

/** The article's text below the front matter: Markdown, previewed with the site's stylesheet. */
const bodyField: EditorField = {
  name: "body",
  label: "Text",
  widget: "markdown",
  hint: "Markdown. # starts a section heading; raw HTML is shown as text.",
};

/**
 * An optional object whose fields are required once it is given (a lead image needs its alt text).
 * Decap checks an optional object's required fields even when the object is left empty
 * (decaporg/decap-cms#2103, #7748), so those fields are optional in the form and the editor's
 * page (scripts/lib/phases/editor.ts) checks them before saving, and drops the object when empty.
 */
export interface RequiredWithObject {
  collection: string;
  field: string;
  label: string;
  required: { name: string; label: string }[];
}

function requiredWithObjects(collection: string, fields: EditorField[]): RequiredWithObject[] {
  const rules: RequiredWithObject[] = [];
  for (const field of fields) {
    if (field.widget !== "object" || field.required !== false) continue;
    const children = field.fields as EditorField[];
    const required = children.filter((child) => child.required !== false);
    for (const child of required) {
      child.required = false;
      child.hint = `Required when the ${field.label.toLowerCase()} is given.`;
    }
    if (required.length > 0)
      rules.push({
        collection,
        field: field.name,
        label: field.label,
        required: required.map(({ name, label }) => ({ name, label })),
      });
  }
  return rules;
}

/** The names the form's files store as ids, for the editor's preview pane (src/assets/editor/preview-templates.ts). */
export interface PreviewLabels {
  topics: Record<string, string>;
  conferences: Record<string, { name: string; start: string; end: string }>;
}

export function previewLabels(topics: readonly Topic[], conferences: readonly Conference[]): PreviewLabels {
  return {
    topics: Object.fromEntries(topics.map((topic) => [topic.id, topic.label])),
    conferences: Object.fromEntries(
      conferences.map((conference) => [
        conference.id,
        { name: conference.name, start: conference.start, end: conference.end },
      ]),
    ),
  };
}

export interface EditorSetup {
  /** Decap's configuration, written as config.yml. */
  config: Record<string, unknown>;
  /** The checks the editor's page makes before saving. */
  requiredWithObjects: RequiredWithObject[];
}

export function editorConfig(input: EditorConfigInput): EditorSetup {
  const schemas = input.schemas ?? { news: newsSchema, abstracts: abstractSchema };
  const folder = (name: string) => (input.contentFolder ? `${input.contentFolder}/${name}` : name);
  // Page bundles: news/<year>/<slug>/index.md with its photos and documents beside it, as the build reads them.
  const bundle = { media_folder: "", public_folder: "", format: "frontmatter", extension: "md", create: true };
  const newsFields = [...fieldsOf(jsonSchemaOf(schemas.news), input), bodyField];
  const abstractFields = [...fieldsOf(jsonSchemaOf(schemas.abstracts), input), bodyField];
  const rules = [...requiredWithObjects("news", newsFields), ...requiredWithObjects("abstracts", abstractFields)];
  const backend =
    "local" in input.backend ? { name: "proxy", proxy_url: input.backend.local, branch: "main" } : input.backend;
  const config = {
    backend,
    site_url: input.siteUrl,
    // Uploads from the header's media library, which the build does not read: items keep theirs beside them.
    media_folder: folder("media"),
    publish_mode: "simple",
    slug: { encoding: "ascii", clean_accents: true, sanitize_replacement: "-" },
    collections: [
      {
        name: "news",
        label: "News",
        label_singular: "News item",
        folder: folder("news"),
        path: "{{year}}/{{slug}}/index",
        identifier_field: "title",
        summary: "{{title}} — {{date}}",
        sortable_fields: ["date", "title"],
        ...bundle,
        fields: newsFields,
      },
      {
        name: "abstracts",
        label: "Abstracts",
        label_singular: "Abstract",
        folder: folder("abstracts"),
        path: "{{conference}}/{{slug}}/index",
        identifier_field: "session",
        summary: "{{session}} — {{conference}}",
        sortable_fields: ["conference", "session"],
        ...bundle,
        fields: abstractFields,
      },
    ],
  };
  return { config, requiredWithObjects: rules };
}
