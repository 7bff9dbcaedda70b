/**
 * One page per speaker. Names are written differently across abstracts ("Mahiques", "MAHIQUES",
 * "Nuñez" / "Nunez"): the identity key ignores case, accents and spacing, and nothing else, so two
 * people with different names never merge.
 */
import { compareNames } from "./collation.ts";
import { slugifyText } from "./slugs.ts";
import { foldText } from "../../../src/assets/shared/fold.ts";

/** "  Juan  Bautista MAHIQUES " and "juan bautista mahiques" → the same key. */
export function speakerKey(name: string): string {
  return foldText(name).replace(/\s+/g, " ").trim();
}

/**
 * The spelling shown for a person: the most used one; on a tie, the one with accents kept and
 * not in capitals (which is how names are usually mistyped), then the first alphabetically.
 */
export function preferredSpelling(spellings: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const spelling of spellings) counts.set(spelling, (counts.get(spelling) ?? 0) + 1);
  const score = (name: string) => [
    counts.get(name) ?? 0,
    name === name.toLocaleUpperCase("en") ? 0 : 1,
    name.normalize("NFD").length - name.normalize("NFD").replace(/\p{Mark}/gu, "").length,
  ];
  return [...counts.keys()].sort((a, b) => {
    const [sa, sb] = [score(a), score(b)];
    for (let i = 0; i < sa.length; i++) if (sa[i] !== sb[i]) return (sb[i] ?? 0) - (sa[i] ?? 0);
    return compareNames(a, b);
  })[0] as string;
}

/** Gives each key a URL slug; keys whose slugs clash ("Søren" / "Soren") get -2, -3 in key order. */
export function speakerSlugs(keys: readonly string[]): Map<string, string> {
  const slugs = new Map<string, string>();
  const used = new Set<string>();
  for (const key of [...keys].sort()) {
    const base = slugifyText(key) || "speaker";
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    slugs.set(key, slug);
  }
  return slugs;
}

/**
 * How a name is filed in the speakers index, surname first. The rule: the last word is the surname
 * ("Ana María Example" → "Example, Ana María"). Where that is wrong (two surnames, particles, names
 * written surname first), the abstract gives it: `sort: "Bautista Mahiques, Juan"`.
 */
export function filingName(name: string, explicit?: string): string {
  if (explicit) return explicit.replace(/\s+/g, " ").trim();
  const words = name.replace(/\s+/g, " ").trim().split(" ");
  const surname = words.pop() ?? "";
  return words.length ? `${surname}, ${words.join(" ")}` : surname;
}
