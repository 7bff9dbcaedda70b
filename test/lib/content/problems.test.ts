import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  closestMatch,
  ContentError,
  editDistance,
  formatProblem,
  suggestion,
} from "../../../scripts/lib/content/problems.ts";

// Copied rather than imported from _data/topics.ts, so these tests do not change when a topic is added.
const topicIds = [
  "international-cooperation",
  "memoranda-of-understanding",
  "drug-trafficking",
  "cybercrime",
  "corruption",
  "human-trafficking",
  "terrorism",
  "victims-and-witnesses",
  "gender-based-violence",
  "training",
  "prosecutorial-independence",
  "conferences",
];
const newsFields = ["title", "date", "summary", "tags", "draft", "slug"];
const conferenceIds = ["annual-23", "annual-27", "annual-28", "annual-29", "european-regional-18"];

// --- formatProblem --------------------------------------------------------------------------

test("formatProblem with file only", () => {
  assert.is(formatProblem({ file: "news/2023/a.md", message: "is empty" }), "news/2023/a.md: is empty");
});

test("formatProblem with a line", () => {
  assert.is(formatProblem({ file: "news/2023/a.md", line: 3, message: "is odd" }), "news/2023/a.md:3: is odd");
});

test("formatProblem with a field", () => {
  assert.is(
    formatProblem({ file: "news/2023/a.md", field: "title", message: "is required" }),
    "news/2023/a.md: title is required",
  );
});

test("formatProblem with a line and a field", () => {
  assert.is(
    formatProblem({ file: "abstracts/a.md", line: 5, field: "speakers[0].name", message: "is required" }),
    "abstracts/a.md:5: speakers[0].name is required",
  );
});

// --- ContentError ---------------------------------------------------------------------------

test("ContentError with one problem says '1 content error'", () => {
  const problems = [{ file: "news/2023/a.md", line: 2, field: "title", message: "is required" }];
  const error = new ContentError(problems);
  assert.is(error.message, "1 content error:\n  news/2023/a.md:2: title is required");
  assert.is(error.name, "ContentError");
  assert.instance(error, Error);
  assert.equal(error.problems, problems);
});

test("ContentError lists every problem, one per line, with the count", () => {
  const error = new ContentError([
    { file: "news/2023/a.md", message: "is empty" },
    { file: "news/2023/b.md", line: 4, field: "tags[0]", message: '"x" is not a known topic' },
    { file: "abstracts/c.md", line: 2, message: "is odd" },
  ]);
  assert.is(
    error.message,
    '3 content errors:\n  news/2023/a.md: is empty\n  news/2023/b.md:4: tags[0] "x" is not a known topic\n  ' +
      "abstracts/c.md:2: is odd",
  );
  assert.is(error.problems.length, 3);
});

// --- editDistance ---------------------------------------------------------------------------

test("editDistance of equal and empty strings", () => {
  assert.is(editDistance("", ""), 0);
  assert.is(editDistance("abc", "abc"), 0);
  assert.is(editDistance("", "abc"), 3);
  assert.is(editDistance("abc", ""), 3);
});

test("editDistance counts insertions, deletions and substitutions", () => {
  assert.is(editDistance("kitten", "sitting"), 3);
  assert.is(editDistance("flaw", "lawn"), 2);
  assert.is(editDistance("intention", "execution"), 5);
  assert.is(editDistance("saturday", "sunday"), 3);
  assert.is(editDistance("coperation", "cooperation"), 1);
  assert.is(editDistance("coperation", "international-cooperation"), 15);
});

test("editDistance is case-sensitive, symmetric, and counts swapping two neighbours as one edit", () => {
  assert.is(editDistance("Abc", "abc"), 1);
  assert.is(editDistance("titel", "title"), 1);
  assert.is(editDistance("title", "titel"), 1);
  assert.is(editDistance("annual-72", "annual-27"), 1);
  assert.is(editDistance("annual-72", "annual-23"), 2);
});

// --- closestMatch and suggestion ------------------------------------------------------------

test("closestMatch finds a topic id with a typo", () => {
  assert.is(closestMatch("cybercrim", topicIds), "cybercrime");
  assert.is(closestMatch("terorism", topicIds), "terrorism");
  assert.is(closestMatch("corruptoin", topicIds), "corruption");
  assert.is(closestMatch("trainign", topicIds), "training");
  assert.is(closestMatch("international-coperation", topicIds), "international-cooperation");
});

test("closestMatch ignores case", () => {
  assert.is(closestMatch("Cybercrime", topicIds), "cybercrime");
  assert.is(closestMatch("TERRORISM", topicIds), "terrorism");
});

test("closestMatch also compares with the hyphenated tails of an id", () => {
  // "coperation" is one edit from "cooperation", the tail of "international-cooperation".
  assert.is(closestMatch("coperation", topicIds), "international-cooperation");
  assert.is(closestMatch("cooperation", topicIds), "international-cooperation");
  assert.is(closestMatch("violence", topicIds), "gender-based-violence");
  assert.is(closestMatch("gender", topicIds), undefined);
  assert.is(closestMatch("xyz", topicIds), undefined);
});

test("closestMatch for field names and conference ids", () => {
  assert.is(closestMatch("titel", newsFields), "title");
  assert.is(closestMatch("tag", newsFields), "tags");
  assert.is(closestMatch("annual27", conferenceIds), "annual-27");
  assert.is(closestMatch("anual-28", conferenceIds), "annual-28");
});

test("closestMatch with no candidates", () => {
  assert.is(closestMatch("anything", []), undefined);
});

test("suggestion wraps the closest match, or is empty", () => {
  assert.is(suggestion("cybercrim", topicIds), '; did you mean "cybercrime"?');
  assert.is(suggestion("titel", newsFields), '; did you mean "title"?');
  assert.is(suggestion("coperation", topicIds), '; did you mean "international-cooperation"?');
  assert.is(suggestion("xyz", topicIds), "");
});

test.run();
