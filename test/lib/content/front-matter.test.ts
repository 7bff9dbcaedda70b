import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  decodeContent,
  maxFrontMatterBytes,
  parseFrontMatter,
  type ParsedFile,
} from "../../../scripts/lib/content/front-matter.ts";
import type { Problem } from "../../../scripts/lib/content/problems.ts";

const FILE = "news/2023/a.md";

function parsed(source: string): ParsedFile {
  const result = parseFrontMatter(FILE, source);
  if (!result.ok) throw new Error(`expected ok, got problems: ${JSON.stringify(result.problems)}`);
  return result.file;
}

function problems(source: string): Problem[] {
  const result = parseFrontMatter(FILE, source);
  if (result.ok) throw new Error(`expected problems, got data: ${JSON.stringify(result.file.data)}`);
  return result.problems;
}

function bytes(...parts: (string | number[])[]): Uint8Array {
  const chunks = parts.map((part) =>
    typeof part === "string" ? new TextEncoder().encode(part) : Uint8Array.from(part),
  );
  const out = new Uint8Array(chunks.reduce((length, chunk) => length + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

// --- splitting ------------------------------------------------------------------------------

test("splits front matter and body", () => {
  const file = parsed("---\ntitle: Hello\ndate: 2023-11-14\ntags: [cybercrime]\n---\nBody *text*.\n\nMore.\n");
  assert.equal(file.data, { title: "Hello", date: "2023-11-14", tags: ["cybercrime"] });
  assert.is(file.body, "Body *text*.\n\nMore.\n");
});

test("the body keeps its own '---' lines and leading blank lines after the first", () => {
  assert.is(parsed("---\ntitle: X\n---\nBody\n---\nmore\n").body, "Body\n---\nmore\n");
  assert.is(parsed("---\ntitle: X\n---\n\nBody\n").body, "\nBody\n");
});

test("a file may end at the closing '---', with or without a newline", () => {
  assert.equal(parsed("---\ntitle: X\n---").body, "");
  assert.equal(parsed("---\ntitle: X\n---\n").body, "");
});

test("the closing '---' may carry trailing spaces", () => {
  const file = parsed("---\ntitle: X\n---   \nBody\n");
  assert.equal(file.data, { title: "X" });
  assert.is(file.body, "Body\n");
});

test("a byte-order mark is ignored", () => {
  const file = parsed("\uFEFF---\ntitle: Hello\n---\nBody\n");
  assert.equal(file.data, { title: "Hello" });
  assert.is(file.body, "Body\n");
});

test("CRLF and CR line endings become LF, in front matter and body", () => {
  const crlf = parsed("---\r\ntitle: Hello\r\ndate: 2023-11-14\r\n---\r\nLine one\r\nLine two\r\n");
  assert.equal(crlf.data, { title: "Hello", date: "2023-11-14" });
  assert.is(crlf.body, "Line one\nLine two\n");
  const cr = parsed("---\rtitle: Hello\r---\rBody\r");
  assert.equal(cr.data, { title: "Hello" });
  assert.is(cr.body, "Body\n");
});

// --- files without usable front matter ------------------------------------------------------

test("an empty file is reported without a line", () => {
  const expected = [
    { file: FILE, message: "is empty: a content file starts with front matter between two '---' lines" },
  ];
  assert.equal(problems(""), expected);
  assert.equal(problems("  \n\n"), expected);
  assert.equal(problems("\uFEFF"), expected);
});

test("a file without front matter is reported at line 1", () => {
  const expected = [
    {
      file: FILE,
      line: 1,
      message:
        "has no front matter: the first line must be '---', followed by fields such as 'title:' and a closing '---'",
    },
  ];
  assert.equal(problems("title: Hello\n\nBody"), expected);
  assert.equal(problems("# Hello\n"), expected);
  assert.equal(problems("----\ntitle: X\n---\n"), expected);
});

test("unclosed front matter is reported at line 1", () => {
  const expected = [
    { file: FILE, line: 1, message: "front matter is not closed: add a line '---' after the last field" },
  ];
  assert.equal(problems("---\ntitle: Hello\ndate: 2023-11-14\n\nBody text\n"), expected);
  // An indented '---' does not close it.
  assert.equal(problems("---\ntitle: X\n ---\nBody\n"), expected);
});

test("empty front matter is reported", () => {
  const expected = [{ file: FILE, line: 1, message: "front matter is empty: add at least the required fields" }];
  assert.equal(problems("---\n---\nBody\n"), expected);
  assert.equal(problems("---\n\n---\nBody\n"), expected);
});

test("front matter that is not fields is reported at line 2", () => {
  const expected = [
    { file: FILE, line: 2, message: "front matter must be fields written 'name: value', one per line" },
  ];
  assert.equal(problems("---\n- a\n- b\n---\nBody\n"), expected);
  assert.equal(problems("---\njust text\n---\nBody\n"), expected);
});

// --- YAML errors: the line counts the opening '---' as line 1 -------------------------------

test("a tab used as indentation is reported at its line", () => {
  // line 1 '---', 2 title, 3 speakers, 4 the tab-indented item
  assert.equal(problems("---\ntitle: Hello\nspeakers:\n\t- name: X\n---\n"), [
    {
      file: FILE,
      line: 4,
      message: "front matter is not valid YAML: Tabs are not allowed as indentation (indent with spaces, not tabs)",
    },
  ]);
});

test("a repeated key is reported at its second occurrence", () => {
  // line 1 '---', 2 title, 3 date, 4 title again
  assert.equal(problems("---\ntitle: Hello\ndate: 2023-11-14\ntitle: Again\n---\n"), [
    {
      file: FILE,
      line: 4,
      message: 'front matter is not valid YAML: field "title" is written a second time (each field may appear once)',
    },
  ]);
});

test("a field repeated inside a speaker is named too", () => {
  assert.equal(problems("---\nspeakers:\n  - name: A\n    name: B\n---\n"), [
    {
      file: FILE,
      line: 4,
      message: 'front matter is not valid YAML: field "name" is written a second time (each field may appear once)',
    },
  ]);
});

test("an unclosed quote is reported at the line where the quote opens", () => {
  // line 1 '---', 2 the field with the opening quote, 3 date, 4 the closing '---'
  assert.equal(problems('---\ntitle: "Hello\ndate: 2023-11-14\n---\nBody\n'), [
    {
      file: FILE,
      line: 2,
      message:
        'front matter is not valid YAML: the " quote that opens "title" is never closed (close it, or leave the ' +
        "quotes out)",
    },
  ]);
});

test("an unclosed single quote is reported where it opens; a doubled '' inside is not a close", () => {
  assert.equal(problems("---\ndate: 2023-11-14\ntitle: 'It''s here\nsummary: x\n---\n"), [
    {
      file: FILE,
      line: 3,
      message:
        'front matter is not valid YAML: the \' quote that opens "title" is never closed (close it, or leave the ' +
        "quotes out)",
    },
  ]);
});

test("a second colon in an unquoted value is reported at its line", () => {
  assert.equal(problems("---\ndate: 2023-11-14\ntitle: IAP: news\n---\n"), [
    {
      file: FILE,
      line: 3,
      message:
        'front matter is not valid YAML: Nested mappings are not allowed in compact mappings (a value containing ": ' +
        '" must be quoted, e.g. title: "IAP: news")',
    },
  ]);
});

test("a value starting with a reserved character says to quote it", () => {
  assert.equal(problems("---\ntitle: @IAP news\n---\n"), [
    {
      file: FILE,
      line: 2,
      message:
        "front matter is not valid YAML: Plain value cannot start with reserved character @ (quote the value, e.g. " +
        'title: "@IAP news")',
    },
  ]);
});

test("YAML aliases are refused, once per line: a self-reference or a billion laughs cannot exhaust the build", () => {
  assert.equal(problems("---\ntitle: &a [*a]\n---\n"), [
    { file: FILE, line: 2, message: "front matter uses the YAML alias *a: write the value out instead" },
  ]);
  const laughs = ["a: &a [x, x, x, x, x, x, x, x, x]"];
  for (const [index, name] of [..."bcdefghi"].entries()) {
    const previous = "abcdefghi"[index] as string;
    laughs.push(`${name}: &${name} [${Array.from({ length: 9 }, () => `*${previous}`).join(", ")}]`);
  }
  const found = problems(`---\n${laughs.join("\n")}\n---\n`);
  assert.equal(
    found.map((problem) => `${problem.line} ${problem.message}`),
    [..."abcdefgh"].map(
      (name, index) => `${index + 3} front matter uses the YAML alias *${name}: write the value out instead`,
    ),
  );
});

test("a repeated key among thousands is found at its line", () => {
  const keys = Array.from({ length: 900 }, (_, index) => `k${index}: v`);
  keys.splice(600, 0, "k7: again");
  // line 1 '---', then k0 on line 2: the 601st line of YAML is line 602.
  assert.equal(problems(`---\n${keys.join("\n")}\n---\n`), [
    {
      file: FILE,
      line: 602,
      message: 'front matter is not valid YAML: field "k7" is written a second time (each field may appear once)',
    },
  ]);
});

test('keys that are one field in the data are repeated keys: 1 and "1"', () => {
  assert.equal(problems('---\n1: a\n"1": b\n---\n'), [
    {
      file: FILE,
      line: 3,
      message: 'front matter is not valid YAML: field "1" is written a second time (each field may appear once)',
    },
  ]);
});

// --- limits ---------------------------------------------------------------------------------

/** Front matter of `count` unknown fields after a title and a date. */
const manyFields = (count: number) => {
  const fields = Array.from({ length: count }, (_, index) => `k${index}: v\n`).join("");
  return `---\ntitle: T\ndate: 2023-01-01\n${fields}---\nBody\n`;
};

test("100,000 unknown fields (1 MB) are refused by size at once, not parsed", () => {
  const started = performance.now();
  assert.equal(problems(manyFields(100_000)), [
    {
      file: FILE,
      line: 1,
      message:
        "front matter is 989 kB; at most 64 kB is allowed: keep the fields short and write the text below the " +
        "closing '---'",
    },
  ]);
  assert.ok(performance.now() - started < 1000, `took ${Math.round(performance.now() - started)} ms`);
});

test("front matter of exactly 64,000 bytes is read; one byte more is refused", () => {
  const fill = (bytes: number) => `title: ${"x".repeat(bytes - "title: \n".length)}\n`;
  assert.is((parsed(`---\n${fill(maxFrontMatterBytes)}---\n`).data.title as string).length, maxFrontMatterBytes - 8);
  assert.equal(problems(`---\n${fill(maxFrontMatterBytes + 1)}---\n`), [
    {
      file: FILE,
      line: 1,
      message:
        "front matter is 64 kB; at most 64 kB is allowed: keep the fields short and write the text below the " +
        "closing '---'",
    },
  ]);
});

test("1,000 fields and list entries are read; 1,001 are refused with one problem, not one a field", () => {
  assert.is(Object.keys(parsed(manyFields(998)).data).length, 1000);
  assert.equal(problems(manyFields(999)), [
    {
      file: FILE,
      line: 1,
      message:
        "front matter has 1,001 fields and list entries; at most 1,000 are allowed: an item needs far fewer, so " +
        "check what was pasted into it",
    },
  ]);
  // A speaker is a list entry with its own fields, a tag a list entry: 1 + 250 × 4 + 1 + 1.
  const speakers = Array.from(
    { length: 250 },
    (_, index) => `  - name: Speaker ${index}\n    role: Prosecutor\n    organisation: Office ${index}`,
  ).join("\n");
  assert.equal(problems(`---\nspeakers:\n${speakers}\ntags: [a]\n---\n`), [
    {
      file: FILE,
      line: 1,
      message:
        "front matter has 1,003 fields and list entries; at most 1,000 are allowed: an item needs far fewer, so " +
        "check what was pasted into it",
    },
  ]);
});

test("the largest front matter the limits allow is checked quickly: no step is quadratic in its fields", () => {
  // 9,000 short keys in under 64 kB: the count is refused after one linear pass over the YAML.
  const yaml = Array.from({ length: 9000 }, (_, index) => `${index.toString(36)}: 1\n`).join("");
  const started = performance.now();
  assert.equal(
    problems(`---\n${yaml}---\n`)[0]?.message,
    "front matter has 9,000 fields and list entries; at most 1,000 are allowed: an item needs far fewer, so check " +
      "what was pasted into it",
  );
  assert.ok(performance.now() - started < 1000, `took ${Math.round(performance.now() - started)} ms`);
});

test("values nested past what the parser can follow are one problem, in words", () => {
  assert.equal(problems(`---\ntags: ${"[".repeat(5000)}${"]".repeat(5000)}\n---\n`), [
    {
      file: FILE,
      line: 2,
      message:
        "front matter is not valid YAML: values are nested too deeply (a field's value is at most a list of fields)",
    },
  ]);
});

test("bodyLine is the file's line on which the Markdown starts", () => {
  assert.is(parsed("---\ntitle: X\n---\nBody\n").bodyLine, 4);
  assert.is(parsed("\uFEFF---\r\ntitle: X\r\ndate: 2023-11-14\r\n---\r\nBody\r\n").bodyLine, 5);
  assert.is(parsed("---\ntitle: X\n---").bodyLine, 4);
  assert.is(parsed("---\ntitle: X\n---   \n\nBody\n").bodyLine, 4);
});

test("a tab after the colon is not indentation and is fine", () => {
  assert.equal(parsed("---\ntitle: Hello\ndate:\t2023-11-14\n---\n").data, { title: "Hello", date: "2023-11-14" });
});

// --- YAML core schema -----------------------------------------------------------------------

test("dates and timestamps stay strings (core schema, no Date objects)", () => {
  const data = parsed("---\ndate: 2023-11-14\nwhen: 2023-11-14T10:00:00Z\n---\n").data;
  assert.equal(data, { date: "2023-11-14", when: "2023-11-14T10:00:00Z" });
  assert.type(data.date, "string");
  assert.not.instance(data.date, Date);
});

test("yes/no stay strings; true/false, numbers and ~ are typed", () => {
  assert.equal(parsed("---\ny: yes\nn: no\nb: true\ni: 12\nf: 1.10\nz: ~\n---\n").data, {
    y: "yes",
    n: "no",
    b: true,
    i: 12,
    f: 1.1,
    z: null,
  });
});

// --- lineOf ---------------------------------------------------------------------------------

const abstract = [
  "---", // 1
  "conference: annual-27", // 2
  "session: Opening", // 3
  "speakers:", // 4
  "  - name: Jane Doe", // 5
  "    role: Prosecutor", // 6
  "  - name: John Roe", // 7
  "tags:", // 8
  "  - a", // 9
  "  - b", // 10
  "---",
  "Body",
  "",
].join("\n");

test("lineOf finds top-level fields", () => {
  const file = parsed(abstract);
  assert.is(file.lineOf(["conference"]), 2);
  assert.is(file.lineOf(["session"]), 3);
  assert.is(file.lineOf(["speakers"]), 4);
  assert.is(file.lineOf(["tags"]), 8);
});

test("lineOf finds list items and fields inside them", () => {
  const file = parsed(abstract);
  assert.is(file.lineOf(["speakers", 0]), 5);
  assert.is(file.lineOf(["speakers", 0, "name"]), 5);
  assert.is(file.lineOf(["speakers", 0, "role"]), 6);
  assert.is(file.lineOf(["speakers", 1]), 7);
  assert.is(file.lineOf(["speakers", 1, "name"]), 7);
  assert.is(file.lineOf(["tags", 1]), 10);
});

test("lineOf falls back to the nearest known ancestor, or undefined", () => {
  const file = parsed(abstract);
  assert.is(file.lineOf(["speakers", 2]), 4);
  assert.is(file.lineOf(["speakers", 1, "role"]), 7);
  assert.is(file.lineOf(["session", 0]), 3);
  assert.is(file.lineOf(["missing"]), undefined);
  assert.is(file.lineOf([]), 2);
});

test("lineOf works in flow collections spread over lines", () => {
  const file = parsed("---\ntitle: X\nspeakers: [{name: A}, {name: B}]\ntags: [a,\n  b]\n---\n");
  assert.is(file.lineOf(["speakers", 1, "name"]), 3);
  assert.is(file.lineOf(["tags", 0]), 4);
  assert.is(file.lineOf(["tags", 1]), 5);
});

test("lineOf counts lines the same with a byte-order mark and CRLF", () => {
  const file = parsed("\uFEFF---\r\ntitle: X\r\n\r\ndate: 2023-11-14\r\n---\r\n");
  assert.is(file.lineOf(["title"]), 2);
  assert.is(file.lineOf(["date"]), 4);
});

// --- decodeContent --------------------------------------------------------------------------

test("decodeContent returns valid UTF-8 as text", () => {
  assert.equal(decodeContent(FILE, bytes("---\ntitle: Núñez\n---\n")), { ok: true, text: "---\ntitle: Núñez\n---\n" });
  assert.equal(decodeContent(FILE, new Uint8Array()), { ok: true, text: "" });
});

test("decodeContent drops a UTF-8 byte-order mark", () => {
  assert.equal(decodeContent(FILE, bytes([0xef, 0xbb, 0xbf], "x")), { ok: true, text: "x" });
});

test("decodeContent rejects a Latin-1 byte with its line and offset", () => {
  // "Núñez" saved as Latin-1: ú is the single byte 0xFA.
  assert.equal(decodeContent(FILE, bytes("---\ntitle: N", [0xfa], "nez\n---\n")), {
    ok: false,
    problem: { file: FILE, line: 2, message: "is not valid UTF-8 (byte 0xFA at offset 12); save the file as UTF-8" },
  });
});

test("decodeContent rejects a bad first byte at line 1, offset 0", () => {
  assert.equal(decodeContent(FILE, bytes([0xff], "---\n")), {
    ok: false,
    problem: { file: FILE, line: 1, message: "is not valid UTF-8 (byte 0xFF at offset 0); save the file as UTF-8" },
  });
});

test("decodeContent rejects a stray continuation byte and a sequence cut off at the end", () => {
  assert.equal(decodeContent(FILE, bytes("ab\n", [0x80])), {
    ok: false,
    problem: { file: FILE, line: 2, message: "is not valid UTF-8 (byte 0x80 at offset 3); save the file as UTF-8" },
  });
  assert.equal(decodeContent(FILE, bytes("ab\ncd\n", [0xc3])), {
    ok: false,
    problem: { file: FILE, line: 3, message: "is not valid UTF-8 (byte 0xC3 at offset 6); save the file as UTF-8" },
  });
  assert.equal(decodeContent(FILE, bytes("ab\ncd\n", [0xc3, 0x41])), {
    ok: false,
    problem: { file: FILE, line: 3, message: "is not valid UTF-8 (byte 0xC3 at offset 6); save the file as UTF-8" },
  });
});

test("decodeContent points at the byte that cannot start a sequence, not at a byte after it", () => {
  // 0xC0 never occurs in UTF-8 (0xC0 0xAF is an overlong '/'); the problem is at offset 2, not at the 0xAF after it.
  assert.equal(decodeContent(FILE, bytes("ab", [0xc0, 0xaf], "\n")), {
    ok: false,
    problem: { file: FILE, line: 1, message: "is not valid UTF-8 (byte 0xC0 at offset 2); save the file as UTF-8" },
  });
  // An emoji cut short (F0 9F 98 then a newline): the broken sequence starts at offset 2.
  assert.equal(decodeContent(FILE, bytes("x\n", [0xf0, 0x9f, 0x98], "\n")), {
    ok: false,
    problem: { file: FILE, line: 2, message: "is not valid UTF-8 (byte 0xF0 at offset 2); save the file as UTF-8" },
  });
});

test.run();
