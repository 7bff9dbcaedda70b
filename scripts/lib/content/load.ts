/**
 * Reads a content folder (`news/**\/*.md`, `abstracts/**\/*.md`), validates every file against
 * the schemas in `scripts/lib/content/schema.ts` and the data in `_data/`, renders the Markdown, and returns the
 * archive as typed objects. Every problem of every file is collected and thrown together.
 */
import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import {
  abstractSchema,
  forbiddenCharacters,
  maxSlugLength,
  newsSchema,
  type AbstractFrontMatter,
  type Conference,
  type NewsFrontMatter,
  type Site,
  type Speaker,
  type Topic,
} from "./schema.ts";
import { abstractTitle } from "./abstract-title.ts";
import { closeBidi } from "./bidi.ts";
import { todayIn, yearOf } from "./dates.ts";
import { decodeContent, parseFrontMatter, type ParsedFile } from "./front-matter.ts";
import { renderMarkdown, renderSummary, truncateAtWord, type BodyFiles, type RenderedMarkdown } from "./markdown.ts";
import { fieldName, suggestion, type Problem } from "./problems.ts";
import { isValidSlug, slugFromFileName } from "./slugs.ts";
import { speakerKey } from "./speakers.ts";
import { isBundleIndex, itemFileResolver, videoHost, type ItemFiles } from "./item-files.ts";
import { systemErrorReason } from "../util/error-message.ts";
import { escapeHtml } from "../util/html.ts";
import { displayPath, isInside, windowsNameProblem } from "../util/paths.ts";
import { translationGroups } from "./translations.ts";

const forbiddenInBody = new RegExp(forbiddenCharacters.source, "gu");

export interface TopicInfo extends Topic {
  url: string;
}

export interface ConferenceInfo extends Conference {
  url: string;
  year: number;
}

interface ItemBase {
  /** Content file, relative to the working directory, for messages. */
  file: string;
  slug: string;
  url: string;
  title: string;
  /** Calendar date YYYY-MM-DD: publication date for news, first day of the conference for abstracts. */
  date: string;
  year: number;
  /** Plain text: given in front matter (its Markdown read as text), or the first paragraph shortened. */
  summary: string;
  /** The summary as HTML, for lists: its inline Markdown rendered (`**bold**` → `<strong>`). */
  summaryHtml: string;
  draft: boolean;
  /** Dated after the build's "today": only shown in previews. */
  scheduled: boolean;
  html: string;
  wordCount: number;
  /** Old paths that redirect here. */
  aliases: string[];
  /** Its images, documents and video (scripts/lib/content/item-files.ts), when it has any. */
  files?: ItemFiles;
  /** The language of its text (BCP 47): its `lang`, or the site's `language`. */
  lang: string;
  /** The address of the same item in another language (scripts/lib/content/translations.ts). */
  translationOf?: string;
}

/** Front-matter fields every item's loader turns into something else (`tags` into `topics`, `image` into `files`…). */
const consumedCommonFields = [
  "aliases",
  "draft",
  "slug",
  "image",
  "documents",
  "video",
  "lang",
  "translationOf",
  "title",
  "tags",
] as const;
const consumedNewsFields = [...consumedCommonFields, "date", "summary"] as const;
const consumedAbstractFields = [...consumedCommonFields, "conference", "session", "speakers"] as const;

/**
 * The front matter's other fields, which reach the item as parsed, their text bidi-closed: a new
 * optional field needs only its schema (schema.ts) and its template.
 */
type PassedFields<Data, Consumed extends readonly string[]> = Omit<Data, Consumed[number]>;

export function passedFields<Data extends object, const Consumed extends readonly string[]>(
  data: Data,
  consumed: Consumed,
): PassedFields<Data, Consumed> {
  const passed = Object.entries(data).filter(([name]) => !consumed.includes(name));
  return Object.fromEntries(
    passed.map(([name, value]) => [name, typeof value === "string" ? closeBidi(value) : value]),
  ) as PassedFields<Data, Consumed>;
}

export interface NewsItem extends ItemBase, PassedFields<NewsFrontMatter, typeof consumedNewsFields> {
  kind: "news";
  topics: TopicInfo[];
}

export interface AbstractItem extends ItemBase, PassedFields<AbstractFrontMatter, typeof consumedAbstractFields> {
  kind: "abstract";
  topics: TopicInfo[];
  conference: ConferenceInfo;
  session: string;
  speakers: Speaker[];
}

export type Item = NewsItem | AbstractItem;

export interface LoadOptions {
  contentDir: string;
  site: Site;
  topics: readonly Topic[];
  conferences: readonly Conference[];
  /** Previews show drafts and items dated in the future; production builds leave them out. */
  preview?: boolean;
  /** The build's "now", for deciding which items are still scheduled. */
  now?: Date;
}

export interface LoadedContent {
  news: NewsItem[];
  abstracts: AbstractItem[];
  /** Files that validated but are not published in this build. */
  withheld: { drafts: number; scheduled: number };
  /** Content files read. */
  files: number;
  /** The line of an item's `aliases[index]` in its file, for problems found once every page is known. */
  aliasLine(item: Item, index: number): number | undefined;
  /**
   * Each translated item's group of translations, by URL: the key its group shares
   * (scripts/lib/content/translations.ts).
   */
  translationKeys: ReadonlyMap<string, string>;
}

/**
 * Reads and validates the content folder, returning what validated and every problem found, so
 * that checks needing the whole archive (aliases against pages) can add theirs to one report.
 */
export function readContent(options: LoadOptions): { content: LoadedContent; problems: Problem[] } {
  const listed = listContent(options.contentDir);
  if (!listed.ok) return listed.result;
  const reader = contentReader(options);
  return assembleContent(
    options,
    listed.files,
    listed.problems,
    listed.files.map((file) => reader(file)),
  );
}

/** A content file to read: its path and which folder, so which schema, it belongs to. */
export interface ContentFile {
  file: string;
  kind: "news" | "abstract";
}

/** What reading one content file gave: its item, the lines of its aliases, and its problems. */
export interface FileResult {
  item?: Item;
  aliasLines?: (number | undefined)[];
  translationOfLine?: number;
  problems: Problem[];
  /**
   * For a file that failed its check, the URL its item would have had, with a `*` segment for each
   * part its problems leave unknown (the year, when its date is broken): another item naming that
   * URL is not reported for it too.
   */
  unpublishedUrl?: string;
}

/**
 * The content files to read, news first, each kind in path order, and the problems of listing them
 * (files that are not Markdown); or, for a folder that is no content folder, the whole result.
 */
export function listContent(
  contentDir: string,
):
  | { ok: true; files: ContentFile[]; problems: Problem[] }
  | { ok: false; result: { content: LoadedContent; problems: Problem[] } } {
  const problems: Problem[] = [];
  const news = listMarkdown(contentDir, "news", problems);
  const abstracts = listMarkdown(contentDir, "abstracts", problems);
  if (!news.exists && !abstracts.exists) {
    const empty = {
      news: [],
      abstracts: [],
      withheld: { drafts: 0, scheduled: 0 },
      files: 0,
      aliasLine: () => undefined,
      translationKeys: new Map(),
    };
    return {
      ok: false,
      result: {
        content: empty,
        problems: [
          {
            file: displayPath(contentDir),
            message: "is not a content folder: it has neither a news/ nor an abstracts/ folder",
          },
        ],
      },
    };
  }
  return {
    ok: true,
    files: [
      ...news.files.map((file) => ({ file, kind: "news" as const })),
      ...abstracts.files.map((file) => ({ file, kind: "abstract" as const })),
    ],
    problems,
  };
}

/**
 * Reads, checks and renders one content file at a time. Each file is independent of the others,
 * so the preview re-reads only those that changed; `assembleContent` then puts the results
 * together in file order.
 */
export function contentReader(options: LoadOptions): (file: ContentFile) => FileResult {
  const context: ItemContext = {
    options,
    topics: new Map(options.topics.map((topic) => [topic.id, topicInfo(topic)])),
    conferences: new Map(options.conferences.map((conference) => [conference.id, conferenceInfo(conference)])),
    today: todayIn(options.site.timeZone, options.now),
  };
  return ({ file, kind }) => {
    const problems: Problem[] = [];
    const read =
      kind === "news"
        ? readContentFile(file, "news", newsSchema, problems)
        : readContentFile(file, "abstract", abstractSchema, problems);
    const checked =
      read &&
      (read.kind === "news" ? toNewsItem(file, read, context, problems) : toAbstract(file, read, context, problems));
    // Problems in line order: a file's problems are read top to bottom, those of the whole file first.
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    if (!checked?.item || !read)
      return { problems, unpublishedUrl: checked?.url ?? `/${kind === "news" ? "news" : "abstracts"}/*/*/` };
    const { item } = checked;
    const lines = read.parsed;
    const translationOfLine = lines.lineOf(["translationOf"]);
    return {
      item,
      aliasLines: item.aliases.map((_, index) => lines.lineOf(["aliases", index])),
      ...(translationOfLine ? { translationOfLine } : {}),
      problems,
    };
  };
}

/** What every item of a build is read against: the data files' topics and conferences, and the build's "today". */
interface ItemContext {
  options: LoadOptions;
  topics: ReadonlyMap<string, TopicInfo>;
  conferences: ReadonlyMap<string, ConferenceInfo>;
  today: string;
}

/**
 * A content file's front matter as far as its schema passed: every field (`data`), or, when some
 * failed, the others (`fields`), so that the checks reading them still run and every problem of the
 * file is reported together; checks reading a `failed` field are skipped, so none is reported twice.
 */
interface ReadFile<Kind, Data> {
  kind: Kind;
  parsed: ParsedFile;
  data?: Data;
  fields: Partial<Data>;
  failed: ReadonlySet<PropertyKey>;
}

/** The archive's content from every file's result (`results[i]` is `files[i]`'s), with every problem in file order. */
export function assembleContent(
  options: LoadOptions,
  files: readonly ContentFile[],
  listingProblems: readonly Problem[],
  results: readonly FileResult[],
): { content: LoadedContent; problems: Problem[] } {
  const problems: Problem[] = [...listingProblems];
  const aliasLines = new Map<Item, (number | undefined)[]>();
  const translationOfLines = new Map<Item, number | undefined>();
  const news: NewsItem[] = [];
  const abstracts: AbstractItem[] = [];
  const unpublished: string[] = [];
  for (const result of results) {
    problems.push(...result.problems);
    if (result.unpublishedUrl) unpublished.push(result.unpublishedUrl);
    if (!result.item) continue;
    if (result.item.kind === "news") news.push(result.item);
    else abstracts.push(result.item);
    aliasLines.set(result.item, result.aliasLines ?? []);
    translationOfLines.set(result.item, result.translationOfLine);
  }
  const clashing = reportUrlClashes([...news, ...abstracts], problems);
  const translations = translationGroups(
    [...news, ...abstracts].filter((item) => !clashing.has(item)),
    (item) => translationOfLines.get(item),
    (url) => unpublished.some((pattern) => urlMatches(pattern, url)),
  );
  problems.push(...translations.problems);

  const published = (item: Item) => !clashing.has(item) && (options.preview || (!item.draft && !item.scheduled));
  const all = [...news, ...abstracts];
  return {
    content: {
      news: news.filter(published).sort(newestFirst),
      abstracts: abstracts.filter(published).sort(newestFirst),
      withheld: options.preview
        ? { drafts: 0, scheduled: 0 }
        : {
            drafts: all.filter((item) => item.draft).length,
            scheduled: all.filter((item) => !item.draft && item.scheduled).length,
          },
      files: files.length,
      aliasLine: (item, index) => aliasLines.get(item)?.[index],
      translationKeys: translations.keys,
    },
    problems,
  };
}

/** Whether `url` is `pattern`'s, a `*` segment of the pattern standing for any one segment. */
function urlMatches(pattern: string, url: string): boolean {
  const expected = pattern.split("/");
  const actual = url.split("/");
  return (
    expected.length === actual.length &&
    expected.every((segment, index) => segment === "*" || segment === actual[index])
  );
}

export function topicInfo(topic: Topic): TopicInfo {
  return { ...topic, url: `/topics/${topic.id}/` };
}

export function conferenceInfo(conference: Conference): ConferenceInfo {
  return { ...conference, url: `/conferences/${conference.id}/`, year: yearOf(conference.start) };
}

/** Newest first; ties broken by title then URL so that output order never depends on the file system. */
export function newestFirst(a: Item, b: Item): number {
  return b.date.localeCompare(a.date) || a.title.localeCompare(b.title, "en") || a.url.localeCompare(b.url);
}

function listMarkdown(contentDir: string, kind: string, problems: Problem[]): { exists: boolean; files: string[] } {
  const dir = path.join(contentDir, kind);
  let isFolder: boolean;
  try {
    isFolder = statSync(dir).isDirectory();
  } catch {
    return { exists: false, files: [] };
  }
  if (!isFolder) {
    // Publishing an archive without its news would replace the site with an empty one.
    problems.push({ file: displayPath(dir), message: `is not a folder: ${kind}/ must be a folder of Markdown files` });
    return { exists: true, files: [] };
  }
  const files: string[] = [];
  let entries;
  try {
    // In path order, so that problems are listed the same on every file system.
    entries = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => !entry.name.startsWith("."))
      .map((entry) => ({ entry, file: path.join(entry.parentPath, entry.name) }))
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  } catch (error) {
    const failed = (error as NodeJS.ErrnoException).path ?? dir;
    problems.push({ file: displayPath(failed), message: `cannot be listed: ${readFailure(error)}` });
    return { exists: true, files: [] };
  }
  const contentRoot = realpathSync(contentDir);
  // A page bundle's folder holds its index.md and the item's own files (scripts/lib/content/item-files.ts).
  const bundles = entries
    .filter(({ entry }) => isBundleIndex(entry.name))
    .map(({ entry }) => entry.parentPath + path.sep);
  const bundleOf = (file: string) => bundles.find((bundle) => file.startsWith(bundle));
  // What is inside a folder that is refused is not read: the folder's problem says it all.
  const refusedFolders: string[] = [];
  for (const { entry, file } of entries) {
    if (refusedFolders.some((folder) => file.startsWith(folder))) continue;
    const windows = windowsNameProblem(entry.name);
    if (windows) {
      problems.push({
        file: displayPath(file),
        message: `${windows}, so it cannot be checked out on Windows: rename it`,
      });
      if (entry.isDirectory()) refusedFolders.push(file + path.sep);
      continue;
    }
    if (entry.isDirectory()) continue;
    const refused = entry.isSymbolicLink()
      ? linkProblem(file, contentRoot)
      : entry.isFile()
        ? undefined
        : `is ${specialFileKind(entry)}, not a file: content files are Markdown files; remove it`;
    if (refused) {
      problems.push({ file: displayPath(file), message: refused });
      continue;
    }
    const bundle = bundleOf(file);
    if (bundle && !isBundleIndex(file)) {
      if (entry.name.toLowerCase().endsWith(".md")) {
        problems.push({
          file: displayPath(file),
          message:
            `is inside the item folder ${displayPath(bundle)}, whose text is its index.md: ` +
            "move it out to make it an item of its own",
        });
      }
      continue;
    }
    if (entry.name.toLowerCase().endsWith(".md")) files.push(file);
    else {
      problems.push({
        file: displayPath(file),
        message: `is not a Markdown file: content files end in .md (move other files out of ${kind}/)`,
      });
    }
  }
  return { exists: true, files: files.sort() };
}

/**
 * Why a symbolic link in the content folder is not read, or undefined for a link to a file inside
 * it (followed). Nothing outside the content folder is ever read.
 */
function linkProblem(link: string, contentRoot: string): string | undefined {
  let target: string;
  try {
    target = realpathSync(link);
  } catch {
    return (
      "is a symbolic link that leads nowhere (its target is missing, or it is a loop): " +
      "remove it, or copy the file here"
    );
  }
  if (target !== contentRoot && !isInside(target, contentRoot)) {
    return (
      `is a symbolic link to ${target}, outside the content folder, which the build never reads: ` +
      "copy the file into the content folder instead"
    );
  }
  if (!statSync(target).isFile())
    return "is a symbolic link to a folder, which the build does not follow: move the folder here instead";
  return undefined;
}

function specialFileKind(entry: { isFIFO(): boolean; isSocket(): boolean }): string {
  return entry.isFIFO() ? "a FIFO (named pipe)" : entry.isSocket() ? "a socket" : "a device";
}

/** Why a file or folder could not be read, for people: "permission denied (EACCES): …". */
export function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EACCES" || code === "EPERM")
    return `permission denied (${code}): let the user running the build read it (chmod a+r, or a+rx for a folder)`;
  if (code === "EISDIR") return "it is a folder, not a file";
  return systemErrorReason(error) ?? String(error);
}

function readContentFile<Kind extends "news" | "abstract", S extends z.ZodObject>(
  file: string,
  kind: Kind,
  schema: S,
  problems: Problem[],
): ReadFile<Kind, z.infer<S>> | undefined {
  const shown = displayPath(file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    problems.push({ file: shown, message: `cannot be read: ${readFailure(error)}` });
    return undefined;
  }
  const decoded = decodeContent(shown, bytes);
  if (!decoded.ok) {
    problems.push(decoded.problem);
    return undefined;
  }
  const result = parseFrontMatter(shown, decoded.text);
  if (!result.ok) {
    problems.push(...result.problems);
    return undefined;
  }
  const checked = schema.safeParse(result.file.data, { reportInput: true });
  if (checked.success)
    return { kind, parsed: result.file, data: checked.data, fields: checked.data, failed: new Set() };
  const { issues } = checked.error;
  problems.push(...issues.flatMap((issue) => describeIssue(shown, issue, result.file, schema)));
  // The fields without a problem, checked again on their own: no field's check depends on another's.
  const failed = new Set(issues.flatMap((issue) => (issue.path.length > 0 ? [issue.path[0] as PropertyKey] : [])));
  const unknown = new Set(
    issues.flatMap((issue) => (issue.code === "unrecognized_keys" && issue.path.length === 0 ? issue.keys : [])),
  );
  const rest = Object.fromEntries(
    Object.entries(result.file.data).filter(([key]) => !failed.has(key) && !unknown.has(key)),
  );
  const fields = schema.partial().safeParse(rest);
  return { kind, parsed: result.file, fields: fields.success ? (fields.data as Partial<z.infer<S>>) : {}, failed };
}

/** Turns a zod issue into problems that name the field, its line, the value and what is allowed. */
function describeIssue(file: string, issue: z.core.$ZodIssue, parsed: ParsedFile, schema: z.ZodType): Problem[] {
  if (issue.code === "unrecognized_keys") {
    const allowed = allowedFields(schema, issue.path);
    return issue.keys.map((key) => ({
      file,
      line: parsed.lineOf([...issue.path, key]),
      field: fieldName([...issue.path, key]),
      message: `is not a known field${suggestion(key, allowed)} (allowed: ${allowed.join(", ")})`,
    }));
  }
  const input = (issue as { input?: unknown }).input;
  const message =
    input === undefined
      ? `is required: it ${issue.message}`
      : input === null
        ? `is empty: it ${issue.message}`
        : `${showValue(input)} ${issue.message}`;
  return [{ file, line: parsed.lineOf(issue.path), field: fieldName(issue.path), message }];
}

function allowedFields(schema: z.ZodType, at: readonly PropertyKey[]): string[] {
  // Object schemas expose their shape; speakers[] items are objects inside an array.
  let current: unknown = schema;
  for (const key of at) {
    const def = (current as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown } }).def;
    if (def?.type === "object" && typeof key === "string") current = def.shape?.[key];
    if (def?.type === "array") current = def.element;
    const inner = (current as { def?: { type?: string; innerType?: unknown } }).def;
    if (inner?.type === "optional") current = inner.innerType;
  }
  const def = (
    current as {
      def?: { type?: string; shape?: Record<string, unknown>; element?: { def?: { shape?: Record<string, unknown> } } };
    }
  ).def;
  const shape = def?.type === "array" ? def.element?.def?.shape : def?.shape;
  return Object.keys(shape ?? {});
}

function showValue(value: unknown): string {
  const json =
    typeof value === "string" ? JSON.stringify(value) : value instanceof Object ? JSON.stringify(value) : String(value);
  // Invisible characters are shown as escapes, so that the message says where they are.
  const text = json.replace(
    /[\p{Cf}\p{Zl}\p{Zp}\p{Cs}\u0080-\u009F\uFFFE\uFFFF]/gu,
    (character) => `\\u${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`,
  );
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function itemSlug(file: string, data: { slug?: string | undefined }, problems: Problem[]): string | undefined {
  if (data.slug) return data.slug;
  // A bundle's slug is its folder's name: moving news/2023/a.md to news/2023/a/index.md keeps its URL.
  const slug = slugFromFileName(isBundleIndex(file) ? path.basename(path.dirname(file)) : path.basename(file));
  if (isValidSlug(slug) && slug.length > maxSlugLength) {
    problems.push({
      file: displayPath(file),
      message:
        `file name ${JSON.stringify(path.basename(file))} gives a URL slug of ${slug.length} characters; ` +
        `at most ${maxSlugLength} are allowed: shorten the file name, or add a field such as 'slug: iap-signs-mou'`,
    });
    return undefined;
  }
  if (isValidSlug(slug)) return slug;
  problems.push({
    file: displayPath(file),
    message:
      `file name ${JSON.stringify(path.basename(file))} gives no usable URL slug: ` +
      "rename the file using letters a–z or digits, or add a field such as 'slug: iap-signs-mou'",
  });
  return undefined;
}

/**
 * Dates before the archive can begin (`archiveStart` in _data/site.ts) or after next year are
 * typos: 0001-01-01 would publish a year page listing two thousand empty years.
 */
function checkDateRange(
  file: string,
  parsed: ParsedFile,
  date: string,
  site: Site,
  today: string,
  problems: Problem[],
): void {
  const year = yearOf(date);
  const latest = yearOf(today) + 1;
  const message =
    year < site.archiveStart
      ? `is before ${site.archiveStart}, the first year of the archive (archiveStart in _data/site.ts): check the year`
      : year > latest
        ? `is after ${latest}, the year after this build's: check the year`
        : undefined;
  if (message)
    problems.push({
      file: displayPath(file),
      line: parsed.lineOf(["date"]),
      field: "date",
      message: `${JSON.stringify(date)} ${message}`,
    });
}

/** The Markdown rendered; its problems (see `renderMarkdown`) are placed at their line in the file. */
function renderBody(file: string, parsed: ParsedFile, problems: Problem[], bodyFiles?: BodyFiles): RenderedMarkdown {
  // What no page or feed can carry (a NUL, U+FFFE) is dropped; schema.ts refuses it in front matter.
  const body = renderMarkdown(parsed.body.replace(forbiddenInBody, ""), bodyFiles);
  for (const problem of body.problems) {
    problems.push({ file: displayPath(file), line: parsed.bodyLine + problem.line, message: problem.message });
  }
  return body;
}

/** The topics named by `tags`, each checked against _data/topics.ts. */
function topicsOf(
  file: string,
  tags: readonly string[] | undefined,
  parsed: ParsedFile,
  topics: ReadonlyMap<string, TopicInfo>,
  problems: Problem[],
): TopicInfo[] {
  const known = [...topics.keys()];
  const itemTopics: TopicInfo[] = [];
  const tagged = new Map<string, number>();
  (tags ?? []).forEach((tag, index) => {
    const topic = topics.get(tag);
    const first = tagged.get(tag);
    if (first !== undefined) {
      problems.push({
        file: displayPath(file),
        line: parsed.lineOf(["tags", index]) ?? parsed.lineOf(["tags"]),
        field: `tags[${index}]`,
        message: `${JSON.stringify(tag)} is listed already (tags[${first}]): list each topic once`,
      });
    } else if (topic) {
      tagged.set(tag, index);
      itemTopics.push(topic);
    } else {
      problems.push({
        file: displayPath(file),
        line: parsed.lineOf(["tags", index]) ?? parsed.lineOf(["tags"]),
        field: `tags[${index}]`,
        message:
          `${JSON.stringify(tag)} is not a known topic${suggestion(tag, known)} ` +
          "(topics are listed in _data/topics.ts)",
      });
    }
  });
  return itemTopics;
}

/**
 * An item, when its file passed every check, and the URL it has or would have had (see FileResult's
 * `unpublishedUrl`).
 */
type Checked<T extends Item> = { item?: T; url: string };

function toNewsItem(
  file: string,
  read: ReadFile<"news", NewsFrontMatter>,
  { topics, today, options }: ItemContext,
  problems: Problem[],
): Checked<NewsItem> {
  const { fields, parsed, failed } = read;
  const before = problems.length;
  const itemTopics = topicsOf(file, fields.tags, parsed, topics, problems);
  if (fields.date) checkDateRange(file, parsed, fields.date, options.site, today, problems);
  const slug = failed.has("slug") ? undefined : itemSlug(file, fields, problems);
  const files = readItemFiles(file, fields, parsed, options, problems);
  const body = renderBody(file, parsed, problems, files.body);
  const url = `/news/${fields.date ? yearOf(fields.date) : "*"}/${slug ?? "*"}/`;
  const { data } = read;
  if (problems.length > before || !slug || !data) return { url };
  const year = yearOf(data.date);
  const item: NewsItem = {
    ...passedFields(data, consumedNewsFields),
    kind: "news",
    file: displayPath(file),
    slug,
    url,
    title: closeBidi(data.title),
    date: data.date,
    year,
    ...summaryOf(data.summary, body),
    draft: data.draft ?? false,
    scheduled: data.date > today,
    topics: itemTopics,
    html: body.html,
    wordCount: body.wordCount,
    aliases: data.aliases ?? [],
    ...(hasFiles(files.found) ? { files: files.found } : {}),
    ...languageOf(data, options.site),
  };
  return { item, url };
}

function toAbstract(
  file: string,
  read: ReadFile<"abstract", AbstractFrontMatter>,
  { topics, conferences, today, options }: ItemContext,
  problems: Problem[],
): Checked<AbstractItem> {
  const { fields, parsed, failed } = read;
  const before = problems.length;
  const itemTopics = topicsOf(file, fields.tags, parsed, topics, problems);
  const conference = fields.conference === undefined ? undefined : conferences.get(fields.conference);
  if (fields.conference !== undefined && !conference) {
    problems.push({
      file: displayPath(file),
      line: parsed.lineOf(["conference"]),
      field: "conference",
      message:
        `${JSON.stringify(fields.conference)} is not a known conference` +
        `${suggestion(fields.conference, [...conferences.keys()])} (conferences are listed in _data/conferences.ts)`,
    });
  }
  const seen = new Map<string, number>();
  (fields.speakers ?? []).forEach((speaker, index, speakers) => {
    const key = speakerKey(speaker.name);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else {
      problems.push({
        file: displayPath(file),
        line: parsed.lineOf(["speakers", index, "name"]) ?? parsed.lineOf(["speakers"]),
        field: `speakers[${index}].name`,
        message:
          `${JSON.stringify(speaker.name)} is listed already ` +
          `(speakers[${first}].name ${JSON.stringify(speakers[first]?.name)}): list each speaker once`,
      });
    }
  });
  const slug = failed.has("slug") ? undefined : itemSlug(file, fields, problems);
  const files = readItemFiles(file, fields, parsed, options, problems);
  const body = renderBody(file, parsed, problems, files.body);
  const url = `/abstracts/${conference?.id ?? "*"}/${slug ?? "*"}/`;
  const { data } = read;
  if (problems.length > before || !slug || !conference || !data) return { url };
  const speakers = data.speakers.map((speaker) => ({
    name: closeBidi(speaker.name),
    ...(speaker.role ? { role: closeBidi(speaker.role) } : {}),
    ...(speaker.organisation ? { organisation: closeBidi(speaker.organisation) } : {}),
    ...(speaker.sort ? { sort: speaker.sort } : {}),
  }));
  const session = closeBidi(data.session);
  const item: AbstractItem = {
    ...passedFields(data, consumedAbstractFields),
    kind: "abstract",
    file: displayPath(file),
    slug,
    url,
    title: data.title ? closeBidi(data.title) : abstractTitle(speakers, session),
    date: conference.start,
    year: conference.year,
    ...summaryOf(undefined, body),
    draft: data.draft ?? false,
    scheduled: conference.start > today,
    conference,
    topics: itemTopics,
    session,
    speakers,
    html: body.html,
    wordCount: body.wordCount,
    aliases: data.aliases ?? [],
    ...(hasFiles(files.found) ? { files: files.found } : {}),
    ...languageOf(data, options.site),
  };
  return { item, url };
}

/** An item's summary as text and HTML: the one written in front matter, else its first paragraph shortened. */
function summaryOf(written: string | undefined, body: RenderedMarkdown): { summary: string; summaryHtml: string } {
  if (written === undefined) {
    const summary = truncateAtWord(body.firstParagraph);
    return { summary, summaryHtml: escapeHtml(summary) };
  }
  const { html, text } = renderSummary(closeBidi(written));
  return { summary: closeBidi(text), summaryHtml: html };
}

/** An item's language and the item it translates, as the templates read them. */
function languageOf(
  data: { lang?: string | undefined; translationOf?: string | undefined },
  site: Site,
): { lang: string; translationOf?: string } {
  return { lang: data.lang ?? site.language, ...(data.translationOf ? { translationOf: data.translationOf } : {}) };
}

/** Default limits on an item's files, when _data/site.ts sets none. */
const defaultMedia = { maxImageMegabytes: 20, maxDocumentMegabytes: 50 };

function hasFiles(files: ItemFiles): boolean {
  return (
    files.image !== undefined ||
    files.video !== undefined ||
    files.bodyImages.length + files.documents.length + files.linked.length > 0
  );
}

/** The item's lead image, documents and video from its front matter, and the hooks that collect its body's files. */
function readItemFiles(
  file: string,
  data: Partial<Pick<NewsFrontMatter, "image" | "documents" | "video">>,
  parsed: ParsedFile,
  options: LoadOptions,
  problems: Problem[],
): { found: ItemFiles; body: BodyFiles } {
  const media = options.site.media ?? defaultMedia;
  const resolver = itemFileResolver(
    file,
    options.contentDir,
    // Decimal megabytes, as the build's sizes are reported (formatBytes).
    { maxImageBytes: media.maxImageMegabytes * 1e6, maxDocumentBytes: media.maxDocumentMegabytes * 1e6 },
    (problem) => problems.push({ file: displayPath(file), ...problem }),
  );
  const found: ItemFiles = { bodyImages: [], documents: [], linked: [] };
  if (data.image) {
    const image = resolver.image(data.image, {
      field: "image.src",
      line: parsed.lineOf(["image", "src"]) ?? parsed.lineOf(["image"]),
    });
    if (image) found.image = image;
  }
  (data.documents ?? []).forEach((document, index) => {
    const attached = resolver.document(document, {
      field: `documents[${index}].src`,
      line: parsed.lineOf(["documents", index, "src"]) ?? parsed.lineOf(["documents"]),
    });
    if (attached) found.documents.push(attached);
  });
  if (data.video) found.video = { url: data.video.url, title: data.video.title, host: videoHost(data.video.url) };
  return { found, body: resolver.body(found, parsed.bodyLine) };
}

export { abstractTitle };

/**
 * Two files may not publish to one URL; URLs differing only in case clash on many hosts too.
 * Returns the items reported, which are left out of the archive.
 */
function reportUrlClashes(items: readonly Item[], problems: Problem[]): Set<Item> {
  const seen = new Map<string, Item>();
  const clashing = new Set<Item>();
  for (const item of items) {
    const key = item.url.toLowerCase();
    const first = seen.get(key);
    if (first) {
      clashing.add(item);
      problems.push({
        file: item.file,
        message:
          `would be published at ${item.url}, which ${first.file} already uses: ` +
          "rename one of the files or give it a different 'slug'",
      });
    } else seen.set(key, item);
  }
  return clashing;
}
