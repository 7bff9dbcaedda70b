/**
 * Items in other languages, built for real: the language on the item's text wherever
 * it appears, translations linked both ways (Also in, hreflang, sitemap), and the feeds, JSON-LD,
 * OpenGraph and citation metadata carrying each item's language.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import path from "node:path";
import { suggestionWordsFolder } from "../../scripts/lib/search/suggestion-words.ts";
import { bucketsForQuery, parseBucket, suggestQuery, type DictionaryWord } from "../../src/assets/shared/suggest.ts";
import { buildSite, newsFile, page, writeContent } from "../support/site.ts";

const root = "https://archive.iap-association.org";
const content = writeContent({
  "news/2023/mou.md": newsFile(
    { title: "The IAP signed an MOU", date: "2023-11-14", tags: "[training]" },
    "Both associations signed.\n",
  ),
  "news/2023/memorando.md": newsFile(
    {
      title: "La IAP firmó un memorando",
      date: "2023-11-14",
      lang: "es",
      translationOf: "/news/2023/mou/",
      summary: "Ambas asociaciones firmaron.",
      tags: "[training]",
    },
    "Ambas asociaciones firmaron el memorando.\n",
  ),
  // Names the Spanish item, not the English one: still one group of three.
  "news/2023/protocole.md": newsFile(
    { title: "L’IAP a signé un protocole", date: "2023-11-14", lang: "fr", translationOf: "/news/2023/memorando/" },
    "Les deux associations ont signé.\n",
  ),
  "news/2022/other.md": newsFile({ title: "Another item", date: "2022-05-01", tags: "[training]" }, "Text.\n"),
  "news/2023/newer.md": newsFile({ title: "A newer item", date: "2023-12-01" }, "Text.\n"),
  // In Spanish only: listed as itself.
  "news/2021/solo.md": newsFile(
    { title: "Solo en español", date: "2021-03-01", lang: "es", tags: "[training]" },
    "Texto.\n",
  ),
  "abstracts/annual-27/ponencia.md":
    "---\nconference: annual-27\nsession: Plenaria\nlang: pt-BR\ntitle: A cooperação\nspeakers:\n" +
    "  - name: Ana Souza\n---\nO texto.\n",
  "abstracts/annual-28/talk.md":
    "---\nconference: annual-28\nsession: Plenary\ntitle: Cooperation\ntags: [training]\nspeakers:\n" +
    "  - name: Ana Souza\n---\nThe text.\n",
  "abstracts/annual-28/charla.md":
    "---\nconference: annual-28\nsession: Plenaria\nlang: es\ntitle: La cooperación\n" +
    "translationOf: /abstracts/annual-28/talk/\ntags: [training]\nspeakers:\n  - name: Ana Souza\n---\n" +
    "El texto.\n",
});
const site = await buildSite(content);

const english = "/news/2023/mou/";
const spanish = "/news/2023/memorando/";
const french = "/news/2023/protocole/";

test("the header and footer stay English; the words around the item are in its language, marked on <main>", () => {
  const $ = page(site.read(spanish));
  assert.is($("html").attr("lang"), "en");
  assert.is($("main").attr("lang"), "es");
  assert.is($(".site-header nav").text().replace(/\s+/g, " ").trim(), "News Topics Years Conferences Speakers");
  assert.is($(".site-footer").attr("lang"), undefined);
  // Inside <main>, the item's own title and text need no mark of their own.
  assert.is($("h1").attr("lang"), undefined);
  assert.is($("article .prose").attr("lang"), undefined);
  assert.is($(".breadcrumb").text(), "Noticias › 2023");
  assert.is($("article .meta").text(), "Publicado el 14 de noviembre de 2023");
  assert.is($("#cite-this").text(), "Cómo citar");
  assert.is($("nav.neighbours").attr("aria-label"), "Más noticias");
  // What is English inside the Spanish region says so: topic labels (site data), an English neighbour's title.
  assert.equal(
    $(".topics a")
      .map((_, a) => `${$(a).attr("lang")} ${$(a).text()}`)
      .get(),
    ["en Training"],
  );
  assert.equal(
    $(".neighbours li:has(a[rel]) ")
      .map(
        (_, li) => `${$(li).find(".label").text()}: ${$(li).find("a").attr("lang") ?? "-"} ${$(li).find("a").text()}`,
      )
      .get(),
    ["Anterior: en Another item", "Siguiente: en A newer item"],
  );
  const $en = page(site.read(english));
  assert.is($en("main").attr("lang"), undefined);
  assert.is($en("h1").attr("lang"), undefined);
  assert.is($en("article .meta").text(), "Published 14 November 2023");
});

test("French and Brazilian Portuguese items get their words", () => {
  const $fr = page(site.read(french));
  assert.is($fr("main").attr("lang"), "fr");
  assert.is($fr("article .meta").text(), "Publié le 14 novembre 2023");
  assert.is($fr(".translations").text(), "Aussi en\u00a0: English, Español");
  const $pt = page(site.read("/abstracts/annual-27/ponencia/"));
  assert.is($pt("main").attr("lang"), "pt-BR");
  assert.equal(
    $pt(".facts dt")
      .map((_, dt) => $pt(dt).text())
      .get(),
    ["Conferência", "Sessão", "Orador"],
  );
  assert.is(
    $pt(".facts dd").first().text(),
    "IAP 27th Annual Conference & General Meeting, 25–29 de setembro de 2022, Tbilisi",
  );
  assert.is($pt(".facts dd a").first().attr("lang"), "en");
  assert.is(
    $pt(".citation").text(),
    "Ana Souza (2022). A cooperação. Resumo, Plenaria. IAP 27th Annual Conference & General Meeting, Tbilisi, " +
      "Georgia, 25–29 de setembro de 2022. International Association of Prosecutors. " +
      "https://archive.iap-association.org/abstracts/annual-27/ponencia/",
  );
  assert.is($pt(".neighbours a").text(), "Todos os resumos: IAP 27th Annual Conference & General Meeting");
  assert.is($pt(".neighbours a span").attr("lang"), "en");
});

test("each page of a group links the others visibly and with hreflang, both ways, whichever item named which", () => {
  const links = (url: string) => {
    const $ = page(site.read(url));
    return {
      also: $(".translations").text(),
      visible: $(".translations a")
        .map((_, a) => `${$(a).attr("lang")} ${$(a).attr("href")}`)
        .get(),
      hreflang: $('link[rel="alternate"][hreflang]')
        .map((_, link) => `${$(link).attr("hreflang")} ${$(link).attr("href")}`)
        .get(),
    };
  };
  assert.equal(links(english), {
    also: "Also in: Español, Français",
    visible: [`es ${spanish}`, `fr ${french}`],
    hreflang: [`en ${root}${english}`, `es ${root}${spanish}`, `fr ${root}${french}`],
  });
  assert.equal(links(spanish), {
    also: "También en: English, Français",
    visible: [`en ${english}`, `fr ${french}`],
    hreflang: [`es ${root}${spanish}`, `en ${root}${english}`, `fr ${root}${french}`],
  });
  assert.equal(links(french).visible, [`en ${english}`, `es ${spanish}`]);
  // An item without translations has neither.
  const $ = page(site.read("/news/2022/other/"));
  assert.is($(".translations").length, 0);
  assert.is($('link[rel="alternate"][hreflang]').length, 0);
});

test("JSON-LD, OpenGraph and citation metadata give each item's language", () => {
  const $ = page(site.read(spanish));
  const jsonLd = JSON.parse($('script[type="application/ld+json"]').text()) as Record<string, unknown>;
  assert.is(jsonLd.inLanguage, "es");
  assert.equal(jsonLd.translationOfWork, { "@id": `${root}${english}`, inLanguage: "en" });
  assert.is($('meta[property="og:locale"]').attr("content"), "es");
  assert.equal(
    $('meta[property="og:locale:alternate"]')
      .map((_, meta) => $(meta).attr("content"))
      .get(),
    ["en", "fr"],
  );
  const $en = page(site.read(english));
  assert.is((JSON.parse($en('script[type="application/ld+json"]').text()) as Record<string, unknown>).inLanguage, "en");
  assert.is($en('meta[property="og:locale"]').attr("content"), "en");

  const $abstract = page(site.read("/abstracts/annual-27/ponencia/"));
  assert.is($abstract('meta[name="citation_language"]').attr("content"), "pt-BR");
  assert.is(
    (JSON.parse($abstract('script[type="application/ld+json"]').text()) as Record<string, unknown>).inLanguage,
    "pt-BR",
  );
  assert.is($abstract('meta[property="og:locale"]').attr("content"), "pt_BR");
});

test("lists mark the title and summary of an item in another language; related news leaves out translations", () => {
  const $ = page(site.read("/news/"));
  const titles = $(".item-summary h2 a")
    .map((_, a) => `${$(a).attr("lang") ?? "-"} ${$(a).text()}`)
    .get();
  assert.equal(titles, ["- A newer item", "- The IAP signed an MOU", "- Another item", "es Solo en español"]);
  assert.is($(`.item-summary:has(a[href="/news/2021/solo/"]) > p:not(.meta):not(.translations)`).attr("lang"), "es");
  const $conference = page(site.read("/conferences/annual-27/"));
  assert.is($conference('a[href="/abstracts/annual-27/ponencia/"]').attr("lang"), "pt-BR");
  const $en = page(site.read(english));
  assert.equal(
    $en("#related ~ ul a")
      .map((_, a) => $(a).text())
      .get(),
    ["Another item", "Solo en español", "A newer item"],
  );
});

/** The titles a list page shows, and each entry's "Also in" line. */
function listed(url: string, selector = ".item-summary"): string[] {
  const $ = page(site.read(url));
  return $(selector)
    .map((_, entry) =>
      [$(entry).find("h2 a, h3 a, h4 a").first().text(), $(entry).find(".translations").text()]
        .filter(Boolean)
        .join(" · "),
    )
    .get();
}

test("one entry per story: in the site's language, with “Also in”, and counts equal the entries", () => {
  const also = "Also in: Español, Français";
  assert.equal(listed("/news/"), [
    "A newer item",
    `The IAP signed an MOU · ${also}`,
    "Another item",
    "Solo en español",
  ]);
  assert.is(page(site.read("/news/"))("main > .meta").text(), "4 news items, newest first. Browse by year or topic.");
  assert.equal(listed("/", "#latest-news ~ ol .item-summary"), [
    "A newer item",
    `The IAP signed an MOU · ${also}`,
    "Another item",
    "Solo en español",
  ]);
  assert.equal(listed("/news/2023/"), ["A newer item", `The IAP signed an MOU · ${also}`]);
  assert.is(page(site.read("/news/2023/"))("main > .meta").text(), "2 news items and 1 abstract in 2023.");
  const $years = page(site.read("/years/"));
  assert.equal(
    $years(".year-table tbody tr")
      .map((_, row) =>
        $years(row)
          .find("th, td")
          .map((__, cell) => $years(cell).text())
          .get()
          .join(" "),
      )
      .get(),
    ["2023 2 1", "2022 1 1", "2021 1 0"],
  );
  // The topic lists the English item although its Spanish translation is tagged too; the abstract in English, not its
  // Spanish translation.
  assert.equal(listed("/topics/training/"), [
    `The IAP signed an MOU · ${also}`,
    "Another item",
    "Solo en español",
    "Cooperation · Also in: Español",
  ]);
  assert.is(page(site.read("/topics/training/"))("main > .meta").text(), "3 news items and 1 abstract, newest first.");
  const $topics = page(site.read("/topics/"));
  assert.is($topics('a[href="/topics/training/"]').parent().find(".count").text(), "(3 news items, 1 abstract)");
  assert.equal(listed("/conferences/annual-28/"), ["Cooperation · Also in: Español"]);
  assert.is(
    page(site.read("/conferences/"))('a[href="/conferences/annual-28/"]').closest("article").find(".count").text(),
    "1 abstract",
  );
  const $speaker = page(site.read("/speakers/ana-souza/"));
  assert.equal(
    $speaker(".item-list h2 a")
      .map((_, a) => $speaker(a).text())
      .get(),
    ["Cooperation", "A cooperação"],
  );
  assert.is($speaker("main > .meta").text(), "2 abstracts, newest first.");
  // Each translation keeps its own page.
  assert.is(page(site.read(spanish))("h1").text(), "La IAP firmó un memorando");
  assert.is(page(site.read("/abstracts/annual-28/charla/"))("h1").text(), "La cooperación");
});

test("previous and next go from story to story, not to an item's translation; a translation's are its story's", () => {
  const neighbours = (url: string) => {
    const $ = page(site.read(url));
    return $(".neighbours a[rel]")
      .map((_, a) => `${$(a).attr("rel")} ${$(a).attr("href")}`)
      .get();
  };
  assert.equal(neighbours(english), ["prev /news/2022/other/", "next /news/2023/newer/"]);
  assert.equal(neighbours(spanish), ["prev /news/2022/other/", "next /news/2023/newer/"]);
  assert.equal(neighbours("/news/2022/other/"), ["prev /news/2021/solo/", `next ${english}`]);
  // Related news: one entry per story, never a translation of another entry or of the page's own item.
  const related = (url: string) => {
    const $ = page(site.read(url));
    return $("#related ~ ul a")
      .map((_, a) => $(a).attr("href"))
      .get();
  };
  assert.equal(related("/news/2022/other/"), ["/news/2021/solo/", english, "/news/2023/newer/"]);
  assert.equal(related(spanish), related(english));
  // A session's other abstracts: none for an abstract whose only sibling is its own translation.
  assert.equal(page(site.read("/abstracts/annual-28/charla/"))("#session-abstracts ~ ul a").length, 0);
});

test("the search index gets each item's language as a filter and its group of translations as metadata", () => {
  const $ = page(site.read(spanish));
  assert.is($("h1").attr("data-pagefind-filter"), "lang[data-language]");
  assert.is($("h1").attr("data-language"), "Español");
  assert.is($("article").attr("data-lang"), "es");
  // The group's key: its first URL in code-unit order, the same on every page of the group.
  assert.is($("article").attr("data-translation-group"), spanish);
  assert.is(page(site.read(french))("article").attr("data-translation-group"), spanish);
  assert.is(page(site.read("/news/2022/other/"))("article").attr("data-translation-group"), "");
  const labels = page(site.read("/search/"))("template#search-labels").html() ?? "";
  assert.match(
    labels,
    '<ul data-facet="lang"><li data-value="en">English</li><li data-value="es">Español</li>' +
      '<li data-value="fr">Français</li><li data-value="pt-BR">Português (Brasil)</li></ul>',
  );
});

test("feeds carry each entry's language: xml:lang in Atom, language in JSON Feed 1.1", () => {
  const atom = site.read("/feeds/news.xml");
  assert.match(atom, '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">');
  // One entry per story, as the lists show them.
  assert.equal(
    [...atom.matchAll(/<entry xml:lang="([^"]+)">\s*<title type="html"><!\[CDATA\[([^\]]*)\]\]>/g)].map(
      (m) => `${m[1]} ${m[2]}`,
    ),
    ["en A newer item", "en The IAP signed an MOU", "en Another item", "es Solo en español"],
  );
  const json = JSON.parse(site.read("/feeds/news.json")) as {
    version: string;
    language: string;
    items: { title: string; language: string }[];
  };
  assert.is(json.version, "https://jsonfeed.org/version/1.1");
  assert.is(json.language, "en");
  assert.equal(
    json.items.map((item) => `${item.language} ${item.title}`),
    ["en A newer item", "en The IAP signed an MOU", "en Another item", "es Solo en español"],
  );
  const abstracts = JSON.parse(site.read("/feeds/abstracts.json")) as { items: { language: string }[] };
  assert.equal(
    abstracts.items.map((item) => item.language),
    ["en", "pt-BR"],
  );
});

test("the sitemap lists each translated page with its alternates, itself included", () => {
  const sitemap = site.read("/sitemap.xml");
  assert.match(
    sitemap,
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
  );
  assert.match(
    sitemap,
    `<url><loc>${root}${english}</loc><lastmod>2023-11-14</lastmod>` +
      `<xhtml:link rel="alternate" hreflang="en" href="${root}${english}"/>` +
      `<xhtml:link rel="alternate" hreflang="es" href="${root}${spanish}"/>` +
      `<xhtml:link rel="alternate" hreflang="fr" href="${root}${french}"/></url>`,
  );
  assert.match(sitemap, `<url><loc>${root}/news/2022/other/</loc><lastmod>2022-05-01</lastmod></url>`);
});

test("did you mean: misspelt Spanish and French words suggest the words as the items spell them", () => {
  const suggest = (query: string) => {
    const words = new Map<string, DictionaryWord>();
    for (const bucket of bucketsForQuery(query)) {
      try {
        for (const word of parseBucket(
          readFileSync(path.join(site.outDir, suggestionWordsFolder, `${bucket}.txt`), "utf8"),
        ))
          words.set(word.folded, word);
      } catch {
        // No word of the archive starts with that letter.
      }
    }
    return suggestQuery(query, words);
  };
  assert.is(suggest("asociacones"), "asociaciones");
  assert.is(suggest("memorandum"), "memorando");
  assert.is(suggest("coperacao"), "cooperação");
  // Folded, the word is known: typed without its accents it needs no suggestion.
  assert.is(suggest("cooperacao"), undefined);
  assert.is(suggest("asociaciones"), undefined);
});

test.run();
