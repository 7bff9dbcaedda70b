/**
 * One order for every list sorted by name, and the letter an A–Z index files a name under. The
 * order is the Unicode Collation Algorithm's root order (CLDR), as `Intl.Collator` gives it for
 * "en", which tailors nothing: one order for names from every language of the archive, the one
 * browsers use. Accents, case and punctuation count only between names that are otherwise equal, and
 * numbers count as numbers ("Talk 2" before "Talk 10").
 *
 * The letter is the name's first base letter: the last of A–Z that sorts at or before its first
 * letter, so "Łukaszewicz" is under L, "Ødegaard" under O, "Đorđević" under D and "Əliyev" under E
 * (Ə is a letter of its own, sorted between E and F). A Latin letter the collation puts after Z is a
 * group of its own after Z: "Þorsteinsson" under Þ, where Icelandic files it too. Other scripts
 * follow, one group each ("Α–Ω", "А–Я"), in the collation's order of scripts, then names that do
 * not start with a letter ("#").
 */
import { foldText } from "../../../src/assets/shared/fold.ts";

const primary = new Intl.Collator("en", { sensitivity: "base", ignorePunctuation: true, numeric: true });
const tertiary = new Intl.Collator("en", { sensitivity: "variant", ignorePunctuation: true, numeric: true });

/** Compares two names as a reader scans an index: by letters first, accents and case only to break a tie. */
export function compareNames(a: string, b: string): number {
  return primary.compare(a, b) || tertiary.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** The group of an A–Z index a name is filed under. */
export interface IndexLetter {
  /** For anchors: "l"; a letter after Z by its code point, "u00de"; a script by its name, "greek"; "other". */
  id: string;
  /** What the letter bar and the heading show: "L", "Þ", "Α–Ω", "#". */
  label: string;
  /** A Latin letter, another script's letters, or a name that starts with no letter. */
  kind: "letter" | "script" | "other";
  /** The script's English name, for a script's group: "Greek". */
  script?: string;
}

/** Scripts with a group of their own, in the collation's order of scripts; any other script's names go to "#". */
const scripts: readonly { pattern: RegExp; id: string; script: string; label: string }[] = [
  { pattern: /\p{Script=Greek}/u, id: "greek", script: "Greek", label: "Α–Ω" },
  { pattern: /\p{Script=Cyrillic}/u, id: "cyrillic", script: "Cyrillic", label: "А–Я" },
  { pattern: /\p{Script=Georgian}/u, id: "georgian", script: "Georgian", label: "ა–ჰ" },
  { pattern: /\p{Script=Armenian}/u, id: "armenian", script: "Armenian", label: "Ա–Ֆ" },
  { pattern: /\p{Script=Hebrew}/u, id: "hebrew", script: "Hebrew", label: "א–ת" },
  { pattern: /\p{Script=Arabic}/u, id: "arabic", script: "Arabic", label: "ا–ي" },
  { pattern: /\p{Script=Devanagari}/u, id: "devanagari", script: "Devanagari", label: "अ–ह" },
  { pattern: /\p{Script=Thai}/u, id: "thai", script: "Thai", label: "ก–ฮ" },
  { pattern: /\p{Script=Hangul}/u, id: "hangul", script: "Korean", label: "ㄱ–ㅎ" },
  { pattern: /[\p{Script=Hiragana}\p{Script=Katakana}]/u, id: "kana", script: "Japanese kana", label: "あ–ん" },
  { pattern: /\p{Script=Han}/u, id: "han", script: "Han", label: "漢字" },
];

const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const other: IndexLetter = { id: "other", label: "#", kind: "other" };

/** The index letter of a name (a filing name, surname first: "Łukaszewicz, Anna" → L). */
export function indexLetter(name: string): IndexLetter {
  // Punctuation and spaces are skipped, as the collation skips them ("'t Hooft" sorts as "t Hooft").
  const first = [...name.normalize("NFC")].find((character) => /[\p{L}\p{N}]/u.test(character));
  if (first === undefined || !/\p{L}/u.test(first)) return other;
  if (/\p{Script=Latin}/u.test(first)) {
    const letter = [...alphabet].filter((candidate) => primary.compare(candidate, first) <= 0).at(-1);
    if (letter === undefined) return other;
    if (letter !== "Z" || primary.compare("Z", first) === 0)
      return { id: letter.toLowerCase(), label: letter, kind: "letter" };
    const own = foldText(first).toLocaleUpperCase("en");
    return { id: `u${(own.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`, label: own, kind: "letter" };
  }
  const script = scripts.find((candidate) => candidate.pattern.test(first));
  return script ? { id: script.id, label: script.label, kind: "script", script: script.script } : other;
}

/** Where a group stands in the index: Latin letters A–Z and after, then scripts in the table's order, then "#". */
function groupRank(letter: IndexLetter): number {
  if (letter.kind === "letter") return 0;
  if (letter.kind === "script") return 1 + scripts.findIndex((script) => script.id === letter.id);
  return scripts.length + 1;
}

/**
 * An A–Z index: `items` in groups by their name's letter, groups in index order and names in
 * collation order within each. Every A–Z list of the archive is made by this function.
 */
export function alphabeticalGroups<T>(
  items: readonly T[],
  nameOf: (item: T) => string,
): { letter: IndexLetter; items: T[] }[] {
  const groups = new Map<string, { letter: IndexLetter; items: T[] }>();
  for (const item of items) {
    const letter = indexLetter(nameOf(item));
    const group = groups.get(letter.id) ?? { letter, items: [] };
    group.items.push(item);
    groups.set(letter.id, group);
  }
  for (const group of groups.values()) group.items.sort((a, b) => compareNames(nameOf(a), nameOf(b)));
  return [...groups.values()].sort(
    (a, b) => groupRank(a.letter) - groupRank(b.letter) || compareNames(a.letter.label, b.letter.label),
  );
}
