/**
 * Groups of translations: items that name another with `translationOf` are one item in several
 * languages, whichever names which (a Spanish and a French item may both name the English one).
 * Checked against every item that validated, drafts included, so that a translation of a draft is
 * not an error; only published items are linked.
 */
import type { Problem } from "./problems.ts";
import { suggestion } from "./problems.ts";
import { languageName } from "./languages.ts";

/** What a translation needs of an item. */
export interface Translatable {
  file: string;
  url: string;
  lang: string;
  translationOf?: string;
}

/**
 * Each grouped item's group key (the URL of the group's first item in URL order), and the problems:
 * a `translationOf` naming no item, the item itself, or making two items of one language one group.
 * `lineOf` gives the line of an item's `translationOf`; `unpublished` tells the URLs of files that
 * failed their own check, which are reported for that and not again here.
 */
export function translationGroups<T extends Translatable>(
  items: readonly T[],
  lineOf: (item: T) => number | undefined,
  unpublished: (url: string) => boolean = () => false,
): { keys: Map<string, string>; problems: Problem[] } {
  const byUrl = new Map(items.map((item) => [item.url, item]));
  const problems: Problem[] = [];
  const report = (item: T, message: string) => {
    const line = lineOf(item);
    problems.push({
      file: item.file,
      ...(line ? { line } : {}),
      field: "translationOf",
      message: `${JSON.stringify(item.translationOf)} ${message}`,
    });
  };
  // Union–find over URLs: each link joins two groups.
  const parent = new Map<string, string>();
  const root = (url: string): string => {
    let at = url;
    while (parent.has(at) && parent.get(at) !== at) at = parent.get(at) as string;
    return at;
  };
  const members = new Map<string, T[]>();
  const groupOf = (url: string) => members.get(root(url)) ?? [byUrl.get(url) as T];
  for (const item of items) {
    const target = item.translationOf;
    if (target === undefined) continue;
    const other = byUrl.get(target);
    if (target === item.url) {
      report(item, "is this item's own address: name the same item in another language");
      continue;
    }
    if (!other) {
      if (!unpublished(target))
        report(
          item,
          `is not the address of a news item or abstract in the archive${suggestion(target, [...byUrl.keys()])}`,
        );
      continue;
    }
    if (root(item.url) === root(target)) continue;
    const joined = [...groupOf(item.url), ...groupOf(target)];
    const clash = sameLanguagePair(joined, item);
    if (clash) {
      const [one, other] = clash;
      const language = `${languageName(one.lang)} (${one.lang})`;
      report(
        item,
        one === item
          ? `would join a group of translations that has an item in ${language} already, ${other.file}: ` +
              "a group has one item per language"
          : `would join ${one.file} and ${other.file}, both in ${language}, in one group of translations: ` +
              "a group has one item per language",
      );
      continue;
    }
    const [a, b] = [root(item.url), root(target)].sort() as [string, string];
    parent.set(b, a);
    parent.set(a, a);
    members.set(a, joined);
    members.delete(b);
  }
  const keys = new Map<string, string>();
  for (const [key, group] of members) for (const member of group) keys.set(member.url, key);
  return { keys, problems };
}

/** Two items of one language in `group`, `item` first if it is one of them. */
function sameLanguagePair<T extends Translatable>(group: readonly T[], item: T): [T, T] | undefined {
  const mine = group.find((other) => other !== item && other.lang === item.lang);
  if (mine) return [item, mine];
  for (const [index, one] of group.entries()) {
    const other = group.slice(index + 1).find((candidate) => candidate.lang === one.lang);
    if (other) return [one, other];
  }
  return undefined;
}
