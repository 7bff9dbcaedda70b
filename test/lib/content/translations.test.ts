import { test } from "uvu";
import * as assert from "uvu/assert";
import { translationGroups, type Translatable } from "../../../scripts/lib/content/translations.ts";

const item = (url: string, lang: string, translationOf?: string): Translatable => ({
  file: `${url.slice(1, -1)}.md`,
  url,
  lang,
  ...(translationOf ? { translationOf } : {}),
});
const groups = (items: Translatable[]) => {
  const { keys, problems } = translationGroups(items, () => 3);
  return {
    keys: Object.fromEntries(keys),
    problems: problems.map((problem) => `${problem.file}:${problem.line}: ${problem.field} ${problem.message}`),
  };
};

test("items naming one item, or each other in a chain, are one group keyed by the first URL", () => {
  assert.equal(
    groups([
      item("/news/b/", "en"),
      item("/news/c/", "es", "/news/b/"),
      item("/news/a/", "fr", "/news/c/"),
      item("/news/d/", "en"),
    ]),
    {
      keys: { "/news/a/": "/news/a/", "/news/b/": "/news/a/", "/news/c/": "/news/a/" },
      problems: [],
    },
  );
});

test("two items naming each other are one group, without a problem", () => {
  assert.equal(groups([item("/news/a/", "en", "/news/b/"), item("/news/b/", "es", "/news/a/")]).keys, {
    "/news/a/": "/news/a/",
    "/news/b/": "/news/a/",
  });
});

test("a missing target, the item itself and a second item in one language are refused; the rest still groups", () => {
  assert.equal(
    groups([
      item("/news/en/", "en"),
      item("/news/es/", "es", "/news/en/"),
      item("/news/es2/", "es", "/news/en/"),
      item("/news/self/", "fr", "/news/self/"),
      item("/news/lost/", "fr", "/news/2019/a-page-that-was-never-written/"),
    ]),
    {
      keys: { "/news/en/": "/news/en/", "/news/es/": "/news/en/" },
      problems: [
        'news/es2.md:3: translationOf "/news/en/" would join a group of translations that has an item in Spanish ' +
          "(es) already, news/es.md: a group has one item per language",
        'news/self.md:3: translationOf "/news/self/" is this item\'s own address: name the same item in another ' +
          "language",
        'news/lost.md:3: translationOf "/news/2019/a-page-that-was-never-written/" is not the address of a news ' +
          "item or abstract in the archive",
      ],
    },
  );
});

test("joining two groups that each hold a Spanish item is refused, naming both", () => {
  // d joins c's group; c then names a, whose group has b: two Spanish items.
  assert.equal(
    groups([
      item("/news/a/", "en"),
      item("/news/b/", "es", "/news/a/"),
      item("/news/d/", "es", "/news/c/"),
      item("/news/c/", "fr", "/news/a/"),
    ]),
    {
      keys: { "/news/a/": "/news/a/", "/news/b/": "/news/a/", "/news/c/": "/news/c/", "/news/d/": "/news/c/" },
      problems: [
        'news/c.md:3: translationOf "/news/a/" would join news/d.md and news/b.md, both in Spanish (es), in one ' +
          "group of translations: a group has one item per language",
      ],
    },
  );
});

test.run();
