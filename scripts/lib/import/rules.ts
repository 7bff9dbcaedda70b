/**
 * The rules file of an import (`--rules rules.yaml` or `rules.ts`): what staff tell the import
 * where its defaults guess wrong. Checked by zod, as `_data/` is, with messages naming the file and
 * the field. Every field is optional: no rules file reads the site with the defaults alone.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseHTML } from "linkedom";
import YAML from "yaml";
import { z } from "zod";
import type { Topic, Conference } from "../content/schema.ts";
import { isKnownLanguage } from "../content/languages.ts";
import { fieldName, suggestion } from "../content/problems.ts";
import { displayPath } from "../util/paths.ts";

/**
 * A pattern of old addresses, matched against the path (and query) as the old site served it:
 * `*` stands for any characters but `/`, `**` for any characters. Case is ignored, as the old CMS did.
 */
const urlPattern = z
  .string({ error: "must be a pattern of old paths, e.g. /News/**" })
  .regex(/^\//, { error: "must start with /, e.g. /News/** (a path of the old site, without its host)" });
const urlPatterns = z.array(urlPattern, { error: "must be a list of path patterns, e.g. [/News/**]" });

const selector = z
  .string({ error: "must be a CSS selector, e.g. .article-body" })
  .min(1, { error: "must be a CSS selector, not empty" });

export const rulesSchema = z.strictObject({
  /**
   * The old site's name, left out of titles taken from `<title>`:
   * "IAP - The IAP signed MOU" → "The IAP signed MOU".
   */
  siteName: z.string({ error: "must be the old site's name as its <title> shows it" }).optional(),
  /** Pages never imported (searches, calendars, printer versions). */
  ignore: urlPatterns.optional(),
  /**
   * When given, only pages matching these are news; what they match is imported even where the
   * defaults would skip it.
   */
  news: urlPatterns.optional(),
  /** Conference abstracts: pages matching `urls` belong to `conference`; session and speakers read by selector. */
  abstracts: z
    .array(
      z.strictObject({
        urls: urlPatterns,
        conference: z.string({ error: "must be a conference id from _data/conferences.ts, e.g. annual-27" }),
        session: selector.optional(),
        /** Each element matched is one speaker, its text the name. */
        speakers: selector.optional(),
      }),
    )
    .optional(),
  selectors: z
    .strictObject({
      title: selector.optional(),
      date: selector.optional(),
      /** The article's text: used instead of the main-content extractor. */
      body: selector.optional(),
      /** Parts removed before anything is read: menus, share bars, banners. */
      drop: z.array(selector, { error: "must be a list of CSS selectors" }).optional(),
    })
    .optional(),
  /** How to read numeric dates such as 08/09/2013; without it they are reported, not guessed. */
  dateOrder: z
    .enum(["day-month", "month-day"], {
      error: 'must be "day-month" (08/09/2013 is 8 September) or "month-day" (9 August)',
    })
    .optional(),
  /**
   * The language of pages by address, e.g. { urls: [/Spanish/**], lang: es }; before <html lang>
   * and Content-Language.
   */
  languages: z
    .array(
      z.strictObject({
        urls: urlPatterns,
        lang: z
          .string({ error: "must be a BCP 47 language tag, e.g. es" })
          .refine(isKnownLanguage, { error: "must be a BCP 47 language tag a browser knows, e.g. es or pt-BR" }),
      }),
    )
    .optional(),
  /** Topics for pages by address: the only way imported items get `tags`. */
  categories: z
    .array(
      z.strictObject({
        urls: urlPatterns,
        tags: z.array(z.string({ error: "must be a topic id from _data/topics.ts" }), {
          error: "must be a list of topic ids, e.g. [conferences]",
        }),
      }),
    )
    .optional(),
  /** Query parameters that do not make a page another page (added to viewmode, print, utm_*, fbclid). */
  ignoreQuery: z.array(z.string({ error: "must be a query parameter's name, e.g. viewmode" })).optional(),
});
export type ImportRules = z.infer<typeof rulesSchema>;

/** A rules file that cannot be used: one line per problem, each naming the file and the field. */
export class RulesError extends Error {
  override name = "RulesError";
}

/**
 * Reads and checks a rules file: YAML (.yaml, .yml) or a TypeScript/JavaScript module whose default
 * export is the rules or a function returning them.
 */
export async function loadRules(
  file: string,
  known: { topics: readonly Topic[]; conferences: readonly Conference[] },
): Promise<ImportRules> {
  const shown = displayPath(file);
  const extension = path.extname(file).toLowerCase();
  let value: unknown;
  if (extension === ".yaml" || extension === ".yml") {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      throw new RulesError(`${shown}: cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    const document = YAML.parseDocument(text, { prettyErrors: false });
    const yamlError = document.errors[0];
    if (yamlError) {
      const line = yamlError.linePos?.[0].line;
      throw new RulesError(`${shown}${line ? `:${line}` : ""}: is not valid YAML: ${yamlError.message.split("\n")[0]}`);
    }
    value = document.toJS() ?? {};
  } else if ([".ts", ".mts", ".js", ".mjs"].includes(extension)) {
    try {
      const module = (await import(pathToFileURL(path.resolve(file)).href)) as { default?: unknown };
      value = typeof module.default === "function" ? await (module.default as () => unknown)() : module.default;
    } catch (error) {
      throw new RulesError(
        `${shown}: cannot be loaded: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
      );
    }
    if (value === undefined) throw new RulesError(`${shown}: has no default export: write "export default { ... }"`);
  } else {
    throw new RulesError(`${shown}: is not a rules file: use .yaml, .yml or .ts`);
  }
  return checkedRules(shown, value, known);
}

/** `value` checked as rules, topic and conference ids included; a RulesError with every problem otherwise. */
export function checkedRules(
  shown: string,
  value: unknown,
  known: { topics: readonly Topic[]; conferences: readonly Conference[] },
): ImportRules {
  const result = rulesSchema.safeParse(value);
  if (!result.success) {
    const allowed = Object.keys(rulesSchema.shape);
    const lines = result.error.issues.flatMap((issue) =>
      issue.code === "unrecognized_keys"
        ? issue.keys.map(
            (key) =>
              `${shown}: ${fieldName([...issue.path, key])} is not a known field` +
              (issue.path.length === 0 ? `${suggestion(key, allowed)} (allowed: ${allowed.join(", ")})` : ""),
          )
        : [`${shown}: ${[fieldName(issue.path), issue.message].filter(Boolean).join(" ")}`],
    );
    throw new RulesError(lines.join("\n"));
  }
  const rules = result.data;
  const problems: string[] = [];
  const topicIds = known.topics.map((topic) => topic.id);
  rules.categories?.forEach((category, index) =>
    category.tags.forEach((tag, tagIndex) => {
      if (!topicIds.includes(tag))
        problems.push(
          `${shown}: categories[${index}].tags[${tagIndex}] "${tag}" is not a known topic` +
            `${suggestion(tag, topicIds)} (topics are listed in _data/topics.ts)`,
        );
    }),
  );
  const conferenceIds = known.conferences.map((conference) => conference.id);
  rules.abstracts?.forEach((abstract, index) => {
    if (!conferenceIds.includes(abstract.conference)) {
      problems.push(
        `${shown}: abstracts[${index}].conference "${abstract.conference}" is not a known conference` +
          `${suggestion(abstract.conference, conferenceIds)} (conferences are listed in _data/conferences.ts)`,
      );
    }
  });
  for (const [where, selectorText] of selectorsOf(rules)) {
    if (!isUsableSelector(selectorText)) problems.push(`${shown}: ${where} "${selectorText}" is not a CSS selector`);
  }
  if (problems.length > 0) throw new RulesError(problems.join("\n"));
  return rules;
}

function selectorsOf(rules: ImportRules): [string, string][] {
  const found: [string, string][] = [];
  const { selectors } = rules;
  for (const key of ["title", "date", "body"] as const)
    if (selectors?.[key]) found.push([`selectors.${key}`, selectors[key]]);
  selectors?.drop?.forEach((drop, index) => found.push([`selectors.drop[${index}]`, drop]));
  rules.abstracts?.forEach((abstract, index) => {
    if (abstract.session) found.push([`abstracts[${index}].session`, abstract.session]);
    if (abstract.speakers) found.push([`abstracts[${index}].speakers`, abstract.speakers]);
  });
  return found;
}

/** A selector linkedom can run; tried once here so that a typo is one message, not a failure on every page. */
function isUsableSelector(text: string): boolean {
  try {
    emptyDocument.querySelector(text);
    return !/[>+~,]\s*$/.test(text);
  } catch {
    return false;
  }
}
const emptyDocument = parseHTML("<!doctype html><html><body></body></html>").document;

/** The regular expression of a path pattern: `*` within one segment, `**` across segments, case ignored. */
export function patternExpression(pattern: string): RegExp {
  const cached = expressions.get(pattern);
  if (cached) return cached;
  const source = pattern
    .split("**")
    .map((part) =>
      part
        .split("*")
        .map((literal) => literal.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
        .join("[^/]*"),
    )
    .join(".*");
  const expression = new RegExp(`^${source}$`, "i");
  expressions.set(pattern, expression);
  return expression;
}
const expressions = new Map<string, RegExp>();

/** Whether an old address (path and query as served) matches any of the patterns. */
export function matchesAny(address: string, patterns: readonly string[] | undefined): boolean {
  return (patterns ?? []).some((pattern) => patternExpression(pattern).test(address));
}
