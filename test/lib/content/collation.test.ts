import { test } from "uvu";
import * as assert from "uvu/assert";
import { alphabeticalGroups, compareNames, indexLetter } from "../../../scripts/lib/content/collation.ts";

const label = (name: string) => indexLetter(name).label;

test("a name is filed under its first base letter: Ł under L, Ø under O, Đ under D, Ə under E", () => {
  assert.equal(
    [
      "Łukaszewicz, Anna",
      "Ødegaard, Ola",
      "Đorđević, Ana",
      "Əliyev, Elmar",
      "Åström, Bo",
      "Čapek, Ana",
      "Ǆamonja, Ivo",
      "Ævarsson, Ari",
    ].map(label),
    ["L", "O", "D", "E", "A", "C", "D", "A"],
  );
  assert.equal(indexLetter("Łukaszewicz, Anna"), { id: "l", label: "L", kind: "letter" });
});

test("case, accents and leading punctuation do not change the letter: 't Hooft under T", () => {
  assert.equal(["ødegaard", "'t Hooft, Gerard", "  Abara", "«Zorro»"].map(label), ["O", "T", "A", "Z"]);
});

test("Þ sorts after Z in the root collation (as in Icelandic): a letter of its own after Z", () => {
  assert.ok(compareNames("Zhou", "Þorsteinsson") < 0);
  assert.equal(indexLetter("Þorsteinsson, Jón"), { id: "u00de", label: "Þ", kind: "letter" });
  assert.equal(indexLetter("þorsteinsson"), { id: "u00de", label: "Þ", kind: "letter" });
});

test("other scripts are grouped by script: Greek Α–Ω, Cyrillic А–Я; names not starting with a letter under #", () => {
  assert.equal(indexLetter("Παπαδόπουλος, Γιώργος"), { id: "greek", label: "Α–Ω", kind: "script", script: "Greek" });
  assert.equal(indexLetter("Иванов, Иван"), { id: "cyrillic", label: "А–Я", kind: "script", script: "Cyrillic" });
  assert.equal(indexLetter("中村"), { id: "han", label: "漢字", kind: "script", script: "Han" });
  assert.equal(indexLetter("3M Team"), { id: "other", label: "#", kind: "other" });
  assert.equal(indexLetter("…"), { id: "other", label: "#", kind: "other" });
});

test("names sort by letters, then accents, then case: one order whatever the spelling; numbers as numbers", () => {
  const names = [
    "Muller",
    "Müller",
    "muller",
    "Mahiques",
    "Łukaszewicz",
    "Lyon",
    "Ødegaard",
    "Oz",
    "Ostrom",
    "O'Brien",
  ];
  assert.equal([...names].sort(compareNames), [
    "Łukaszewicz",
    "Lyon",
    "Mahiques",
    "muller",
    "Muller",
    "Müller",
    "O'Brien",
    "Ødegaard",
    "Ostrom",
    "Oz",
  ]);
  assert.equal(["Talk 10 on law", "Talk 2 on law", "Talk 1 on law"].sort(compareNames), [
    "Talk 1 on law",
    "Talk 2 on law",
    "Talk 10 on law",
  ]);
});

test("the groups: A–Z, letters after Z, scripts in the collation's order, then #; names in order in each", () => {
  const names = [
    "Иванов",
    "Zhou",
    "Παπαδόπουλος",
    "Ødegaard",
    "1st Name",
    "Þorsteinsson",
    "Abara",
    "Łukaszewicz",
    "Ωmega",
    "Lyon",
    "Đorđević",
    "Duarte",
    "Əliyev",
    "Eriksen",
  ];
  const groups = alphabeticalGroups(names, (name) => name);
  assert.equal(
    groups.map((group) => `${group.letter.label}: ${group.items.join(", ")}`),
    [
      "A: Abara",
      "D: Đorđević, Duarte",
      "E: Eriksen, Əliyev",
      "L: Łukaszewicz, Lyon",
      "O: Ødegaard",
      "Z: Zhou",
      "Þ: Þorsteinsson",
      "Α–Ω: Παπαδόπουλος, Ωmega",
      "А–Я: Иванов",
      "#: 1st Name",
    ],
  );
});

test.run();
