/**
 * Splits a content file into YAML front matter and Markdown body, and parses the YAML with line
 * numbers so that every error can point at the line that caused it.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from "yaml";
import type { Problem } from "./problems.ts";
import { formatBytes } from "../util/format.ts";

/** Front matter holds an item's fields; its text goes below. The largest real item's is under 1 kB. */
export const maxFrontMatterBytes = 64_000;
/**
 * Fields at every level and list entries (a speaker is one entry and a field per name, role…): an
 * abstract with 100 speakers has about 500. It bounds the problems one file can report.
 */
export const maxFrontMatterValues = 1000;

export interface ParsedFile {
  data: Record<string, unknown>;
  body: string;
  /** 1-based line of the file on which the body starts, for problems found in the Markdown. */
  bodyLine: number;
  /** 1-based line of a front-matter field, e.g. ["speakers", 0, "name"], when it can be located. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

export type ParseResult = { ok: true; file: ParsedFile } | { ok: false; problems: Problem[] };

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Decodes UTF-8 strictly (a stray Latin-1 byte is an error, not a silent U+FFFD). */
export function decodeContent(
  file: string,
  bytes: Uint8Array,
): { ok: true; text: string } | { ok: false; problem: Problem } {
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    const at = Math.max(0, firstInvalidUtf8Byte(bytes));
    const line = bytes.subarray(0, at).filter((byte) => byte === 0x0a).length + 1;
    const hex = (bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, "0");
    return {
      ok: false,
      problem: { file, line, message: `is not valid UTF-8 (byte 0x${hex} at offset ${at}); save the file as UTF-8` },
    };
  }
}

/** Offset of the first byte that starts an invalid UTF-8 sequence (RFC 3629: no overlongs, no surrogates). */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    const [length, min, max] =
      lead < 0x80
        ? [1, 0, 0]
        : lead >= 0xc2 && lead <= 0xdf
          ? [2, 0x80, 0xbf]
          : lead === 0xe0
            ? [3, 0xa0, 0xbf]
            : lead === 0xed
              ? [3, 0x80, 0x9f]
              : lead >= 0xe1 && lead <= 0xef
                ? [3, 0x80, 0xbf]
                : lead === 0xf0
                  ? [4, 0x90, 0xbf]
                  : lead === 0xf4
                    ? [4, 0x80, 0x8f]
                    : lead >= 0xf1 && lead <= 0xf3
                      ? [4, 0x80, 0xbf]
                      : [0, 0, 0];
    if (length === 0) return i;
    // The second byte has the tightest range; the others are plain continuation bytes.
    for (let k = 1; k < length; k++) {
      const byte = bytes[i + k];
      const [low, high] = k === 1 ? [min, max] : [0x80, 0xbf];
      if (byte === undefined || byte < low || byte > high) return i;
    }
    i += length;
  }
  return -1;
}

/** Parses `---\nyaml\n---\nmarkdown`. A byte-order mark and CRLF line endings are accepted. */
export function parseFrontMatter(file: string, source: string): ParseResult {
  const text = source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (text.trim() === "")
    return fail(file, undefined, "is empty: a content file starts with front matter between two '---' lines");
  if (!text.startsWith("---\n")) {
    return fail(
      file,
      1,
      "has no front matter: the first line must be '---', followed by fields such as 'title:' and a closing '---'",
    );
  }
  const close = /^---[ \t]*$/m;
  const rest = text.slice(4);
  const end = close.exec(rest);
  if (!end) return fail(file, 1, "front matter is not closed: add a line '---' after the last field");
  const yamlSource = rest.slice(0, end.index);
  const body = rest.slice(end.index + end[0].length).replace(/^\n/, "");
  // The opening '---', the YAML's lines, the closing '---': the body starts on the line after.
  const bodyLine = countLines(yamlSource) + 3;

  const bytes = Buffer.byteLength(yamlSource);
  if (bytes > maxFrontMatterBytes) {
    return fail(
      file,
      1,
      `front matter is ${formatBytes(bytes)}; at most ${formatBytes(maxFrontMatterBytes)} is allowed: ` +
        "keep the fields short and write the text below the closing '---'",
    );
  }

  const lineCounter = new LineCounter();
  // yaml's own check for repeated keys compares each key with every earlier one (quadratic in their
  // number); frontMatterShape uses a set.
  const document = parseDocument(yamlSource, { schema: "core", uniqueKeys: false, prettyErrors: true, lineCounter });
  const shape = frontMatterShape(document, lineCounter);
  if (shape.values > maxFrontMatterValues) {
    const count = (n: number) => n.toLocaleString("en");
    return fail(
      file,
      1,
      `front matter has ${count(shape.values)} fields and list entries; ` +
        `at most ${count(maxFrontMatterValues)} are allowed: an item needs far fewer, so check what was pasted into it`,
    );
  }
  const syntax = [
    ...document.errors.map((error) => ({
      // +1 for the opening '---' line.
      line:
        (error.code === "MISSING_CHAR" ? unclosedQuote(yamlSource)?.line : undefined) ??
        (error.linePos?.[0]?.line ?? 1) + 1,
      message: `front matter is not valid YAML: ${yamlErrorText(error.code, error.message, yamlSource)}`,
    })),
    ...shape.repeatedKeys.map(({ key, line }) => ({
      line,
      message:
        `front matter is not valid YAML: field ${JSON.stringify(key)} is written a second time ` +
        "(each field may appear once)",
    })),
  ].sort((a, b) => a.line - b.line);
  // One mistake can trip the parser several times at one place (each nesting level of a runaway value).
  const distinct = syntax.filter(
    (problem, index) =>
      index === 0 || problem.line !== syntax[index - 1]?.line || problem.message !== syntax[index - 1]?.message,
  );
  if (distinct.length > 0) return { ok: false, problems: distinct.map((problem) => ({ file, ...problem })) };
  // `*name` repeats an `&name` value: front matter has no use for it, and a few nested aliases can
  // expand to billions of values (or refer to themselves), which would exhaust the build.
  if (shape.aliases.size > 0) {
    return {
      ok: false,
      problems: [...shape.aliases].map(([line, name]) => ({
        file,
        line,
        message: `front matter uses the YAML alias *${name}: write the value out instead`,
      })),
    };
  }
  // No alias is left to expand; maxAliasCount 0 makes sure of it.
  const data: unknown = document.toJS({ maxAliasCount: 0 });
  if (data === null || data === undefined)
    return fail(file, 1, "front matter is empty: add at least the required fields");
  if (typeof data !== "object" || Array.isArray(data)) {
    return fail(file, 2, "front matter must be fields written 'name: value', one per line");
  }
  return {
    ok: true,
    file: {
      data: data as Record<string, unknown>,
      body,
      bodyLine,
      lineOf: (path) => lineOfPath(document, lineCounter, path),
    },
  };
}

/**
 * yaml reports an unclosed quote where the input ends; the line that opened it, and its field, are
 * more useful. A double-quoted value escapes `"` as `\"`; a single-quoted one as `''`.
 */
function unclosedQuote(yamlSource: string): { line: number; field: string; quote: string } | undefined {
  const lines = yamlSource.split("\n");
  for (const [index, line] of lines.entries()) {
    const opened = /^\s*(?:-\s+)?([^\s:#][^:#]*?)\s*:\s*(["'])(.*)$/.exec(line);
    if (!opened) continue;
    const [, field = "", quote = "", value = ""] = opened;
    const closed = quote === '"' ? /(?<!\\)"/.test(value) : /'/.test(value.replaceAll("''", ""));
    // +1 for 1-based lines, +1 for the opening '---'.
    if (!closed) return { line: index + 2, field, quote };
  }
  return undefined;
}

function countLines(text: string): number {
  let lines = 0;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) lines++;
  return lines;
}

function fail(file: string, line: number | undefined, message: string): ParseResult {
  return { ok: false, problems: [{ file, ...(line ? { line } : {}), message }] };
}

function yamlErrorText(code: string, message: string, yamlSource: string): string {
  const firstLine = message.split("\n")[0] ?? message;
  const text = firstLine.replace(/ at line \d+, column \d+:?$/, "");
  // yaml stops a runaway recursion itself and reports the RangeError's message.
  if (/call stack/i.test(text)) return "values are nested too deeply (a field's value is at most a list of fields)";
  if (code === "MISSING_CHAR") {
    const quote = unclosedQuote(yamlSource);
    if (quote)
      return `the ${quote.quote} quote that opens "${quote.field}" is never closed (close it, or leave the quotes out)`;
  }
  if (code === "BLOCK_AS_IMPLICIT_KEY")
    return `${text} (a value containing ": " must be quoted, e.g. title: "IAP: news")`;
  if (code === "BAD_SCALAR_START") return `${text} (quote the value, e.g. title: "@IAP news")`;
  if (/tab/i.test(text)) return `${text} (indent with spaces, not tabs)`;
  return text;
}

/**
 * What the YAML holds besides its values: how many fields (at every level) and list entries, the
 * keys written twice in one mapping (by line), and the lines that use an alias (`*name`).
 */
function frontMatterShape(
  document: Document,
  lineCounter: LineCounter,
): { values: number; repeatedKeys: { key: string; line: number }[]; aliases: Map<number, string> } {
  let values = 0;
  const repeatedKeys: { key: string; line: number }[] = [];
  const aliases = new Map<number, string>();
  visit(document, {
    Seq(_, seq) {
      values += seq.items.length;
    },
    Map(_, map) {
      values += map.items.length;
      // As the data's keys: `1:` and `"1":` are one field.
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        if (seen.has(key)) repeatedKeys.push({ key, line: (startLine(pair.key, lineCounter) ?? 0) + 1 });
        seen.add(key);
      }
    },
    Alias(_, node) {
      const line = (startLine(node, lineCounter) ?? 0) + 1;
      if (!aliases.has(line)) aliases.set(line, node.source);
    },
  });
  return { values, repeatedKeys, aliases };
}

function lineOfPath(document: Document, lineCounter: LineCounter, path: readonly PropertyKey[]): number | undefined {
  let node: unknown = document.contents;
  let line: number | undefined;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
      if (!pair) break;
      line = startLine(pair.key as Node, lineCounter) ?? line;
      node = pair.value;
    } else if (isSeq(node) && typeof key === "number") {
      node = node.items[key];
      line = startLine(node as Node, lineCounter) ?? line;
    } else {
      break;
    }
  }
  if (path.length === 0) line = startLine(node as Node, lineCounter);
  return line === undefined ? undefined : line + 1;
}

function startLine(node: Node | undefined, lineCounter: LineCounter): number | undefined {
  const offset = node?.range?.[0];
  return offset === undefined ? undefined : lineCounter.linePos(offset).line;
}
