/**
 * Search in real Chromium, against the sample archive and a fixture archive built for exact
 * answers: queries, each facet and their combinations, year ranges, sort orders, URL state through
 * reload and Back, highlighting on the landing page, escaping, accessibility, no console errors.
 */
import axe from "axe-core";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { pretendedPagefindVersion } from "../../scripts/lib/search/pagefind-files.ts";
import { listFiles } from "../../scripts/lib/util/list-files.ts";
import { collectErrors, launchBrowser, serveStatic } from "../support/browser.ts";
import { buildSite, newsFile, repoRoot, writeContent } from "../support/site.ts";

const xssTitle = "<img src=x onerror=alert(1)>";

const abstract = (conference: string, title: string, speakers: string[], body: string) =>
  `---\nconference: ${conference}\ntitle: ${title}\nsession: Plenary – ${title}\n` +
  `speakers:\n${speakers.map((name) => `  - name: ${name}\n`).join("")}---\n${body}\n`;

const filler = Object.fromEntries(
  Array.from({ length: 11 }, (_, index) => {
    const number = String(index + 1).padStart(2, "0");
    return [
      `news/2010/bulletin-${number}.md`,
      newsFile(
        { title: `Counter-terrorism bulletin ${number}`, date: `2010-03-${number}`, tags: "[terrorism]" },
        "A routine bulletin.\n",
      ),
    ];
  }),
);

const fixture = writeContent({
  "news/2024/academy.md": newsFile(
    { title: "Global Training Academy opens", date: "2024-01-10", tags: "[training]" },
    "The academy opens its doors. It will run an extradition module among many others in its first long year of " +
      "courses for members.\n",
  ),
  "news/2023/xss.md": newsFile(
    { title: JSON.stringify(xssTitle), date: "2023-05-05", tags: "[cybercrime]" },
    "A title made of markup.\n",
  ),
  "news/2022/corruption.md": newsFile(
    { title: "Report on corruption cases", date: "2022-04-20", tags: "[corruption]" },
    "Cases were reported.\n",
  ),
  "news/2021/network.md": newsFile(
    { title: "A cybercrime network for prosecutors", date: "2021-02-15", tags: "[cybercrime, training]" },
    "A network was founded.\n",
  ),
  "news/2020/sao-paulo.md": newsFile(
    { title: "Training week in São Paulo", date: "2020-06-01", tags: "[training]" },
    "A week of courses.\n",
  ),
  "news/2019/visit.md": newsFile(
    { title: "Visit to the Fiscalía de la Nación", date: "2019-03-10", tags: "[international-cooperation]" },
    "The delegation met the prosecutors.\n",
  ),
  "news/2017/records.md": newsFile(
    { title: "Records of the Fiscalia digitised", date: "2017-08-01" },
    "Old records.\n",
  ),
  "news/2016/notes.md": newsFile(
    { title: "Annual meeting notes", date: "2016-05-01" },
    "The members met and discussed extradition among other matters of common interest.\n",
  ),
  "news/2014/workshop.md": newsFile(
    { title: "Regional workshop", date: "2014-07-01" },
    "The regional workshop covered many subjects in long sessions over several days with many speakers. ".repeat(6) +
      "One session touched on extradition.\n",
  ),
  "news/2013/treaties.md": newsFile(
    { title: "Extradition treaties explained", date: "2013-03-01" },
    "Extradition requests, extradition hearings and extradition law.\n",
  ),
  "abstracts/annual-29/evidence.md": abstract(
    "annual-29",
    "Electronic evidence in cybercrime cases",
    ["Ana Example", "Bo Sample"],
    "Evidence.",
  ),
  "abstracts/annual-27/cooperation.md": abstract(
    "annual-27",
    "Cooperation across borders",
    ["Ana Example"],
    "Cooperation.",
  ),
  "abstracts/annual-23/training.md": abstract("annual-23", "Training prosecutors", ["Bo Sample"], "Courses."),
  ...filler,
});

const sample = await buildSite(path.join(repoRoot, "src"));
const site = await buildSite(fixture);
const sampleServer = await serveStatic(sample.outDir);
const server = await serveStatic(site.outDir);
const browser: Browser = await launchBrowser();

/** Servers a test started, closed with the others once the browser is gone. */
const laterClosed: { close(): Promise<void> }[] = [];

test.after(async () => {
  await browser.close();
  for (const server of laterClosed) await server.close();
  await sampleServer.close();
  await server.close();
});

/** Waits until the search answered (the results list is no longer busy). */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector("#search-results")?.getAttribute("aria-busy") === "false");
}

async function openSearch(page: Page, search: string, base = server.url): Promise<void> {
  await page.goto(`${base}/search/${search}`);
  await settled(page);
}

const titles = (page: Page) => page.locator("#search-results h3 a").allTextContents();
const status = (page: Page) => page.locator("#search-status").textContent();
const visibleOptions = (page: Page, facet: string) =>
  page
    .locator(`fieldset[data-facet="${facet}"] li:not([hidden]) label`)
    .evaluateAll((labels) => labels.map((label) => label.textContent ?? ""));

/** A fresh page that fails the test on console errors and dialogs. */
async function newPage(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors = collectErrors(page);
  page.on("dialog", (dialog) => {
    errors.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return { page, errors };
}

test("the sample archive: the seed title, a speaker's name, and the header search box", async () => {
  const { page, errors } = await newPage();
  await openSearch(page, "?q=The+IAP+signed+MOU+with+AIAMP", sampleServer.url);
  assert.is((await titles(page))[0], "The IAP signed MOU with AIAMP");

  await page.goto(`${sampleServer.url}/`);
  await page
    .getByRole("search", { name: "Site" })
    .getByRole("searchbox", { name: "Search the archive" })
    .fill("Mahiques");
  await page.getByRole("search", { name: "Site" }).getByRole("button", { name: "Search" }).click();
  await page.waitForURL(`${sampleServer.url}/search/?q=Mahiques`);
  await settled(page);
  // The Spanish translation matches too: it is shown on its English item, not as a hit of its own.
  assert.equal(await titles(page), [
    "Juan Bautista Mahiques: Special Interest Group Session – Heads of Prosecution Services",
    "The IAP signed MOU with AIAMP",
  ]);
  assert.equal(await page.locator(".search-also-in").allTextContents(), ["Also found in: Español"]);
  // Two results: the translation is not a result of its own.
  assert.is(await status(page), "2 results for “Mahiques”");
  assert.is(await page.locator("#search-q").inputValue(), "Mahiques");
  assert.equal(await page.locator("#search-results .meta").allTextContents(), [
    "25 September 2022 · IAP 27th Annual Conference & General Meeting · Juan Bautista Mahiques",
    "14 November 2023",
  ]);
  assert.equal(await page.locator(".search-result-type").allTextContents(), ["Abstract", "News"]);
  assert.equal(errors, []);
  await page.close();
});

const spanishTitle = "La IAP firmó un memorando de entendimiento con la AIAMP";

/** The results as a reader sees them: one card per story, the count, and each facet's choices. */
async function shown(
  page: Page,
): Promise<{ status: string | null; cards: string[]; type: string[]; lang: string[]; topic: string[] }> {
  return {
    status: await status(page),
    cards: await titles(page),
    type: await visibleOptions(page, "type"),
    lang: await visibleOptions(page, "lang"),
    topic: await visibleOptions(page, "topic"),
  };
}

test("the count and facets count what is shown, an item and its translation as one, at 375 and 1280 px", async () => {
  const { page, errors } = await newPage();
  const topics = [
    "International cooperation (1)",
    "Memoranda of understanding (1)",
    "Drug trafficking (1)",
    "Training (1)",
  ];
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await openSearch(page, "?q=mou", sampleServer.url);
    assert.equal(
      await shown(page),
      {
        status: "1 result for “mou”",
        cards: ["The IAP signed MOU with AIAMP"],
        type: ["News (1)"],
        lang: ["English (1)", "Español (1)"],
        topic: topics,
      },
      `mou at ${width}`,
    );
    await openSearch(page, "?q=cooperation", sampleServer.url);
    assert.equal(
      await shown(page),
      {
        status: "2 results for “cooperation”",
        cards: [
          "The IAP signed MOU with AIAMP",
          "Juan Bautista Mahiques: Special Interest Group Session – Heads of Prosecution Services",
        ],
        type: ["News (1)", "Abstract (1)"],
        lang: ["English (2)", "Español (1)"],
        topic: topics,
      },
      `cooperation at ${width}`,
    );
    // Browsing: the facets' totals, and a choice's count is the cards it gives.
    await openSearch(page, "?type=news", sampleServer.url);
    assert.equal(
      await shown(page),
      {
        status: "1 result for the chosen filters",
        cards: ["The IAP signed MOU with AIAMP"],
        type: ["News (1)", "Abstract (1)"],
        lang: ["English (1)", "Español (1)"],
        topic: topics,
      },
      `news at ${width}`,
    );
    await openSearch(page, "?q=cooperation&lang=es", sampleServer.url);
    assert.equal((await shown(page)).cards, [spanishTitle]);
    assert.is(await status(page), "1 result for “cooperation” with the chosen filters");
  }
  assert.equal(errors, []);
  await page.close();
});

/** The spelling suggestion once every request of the search has ended ("" when there is none). */
async function suggestion(page: Page): Promise<string> {
  await page.waitForLoadState("networkidle");
  const line = page.locator("#search-suggestion");
  return (await line.isVisible()) ? ((await line.textContent()) ?? "") : "";
}

test("no suggestion for a misspelling whose results are shown; one when the typed word finds nothing", async () => {
  const { page, errors } = await newPage();
  // Pagefind finds "cooperation" for "cooperaton" (the longest prefix it holds): a correction would show the same.
  await openSearch(page, "?q=cooperaton", sampleServer.url);
  assert.is(await status(page), "2 results for “cooperaton”");
  assert.is(await suggestion(page), "");
  await openSearch(page, "?q=mahiqeus", sampleServer.url);
  assert.is(await status(page), "No results for “mahiqeus”");
  assert.is(await suggestion(page), "Did you mean mahiques (2 results)?");
  await page.getByRole("link", { name: "mahiques" }).click();
  await page.waitForURL(`${sampleServer.url}/search/?q=mahiques`);
  await settled(page);
  assert.is(await status(page), "2 results for “mahiques”");
  assert.is((await titles(page)).length, 2);
  // A place only an abstract's facts name is still found, and suggested.
  await openSearch(page, "?q=tbilsi", sampleServer.url);
  assert.is(await suggestion(page), "Did you mean tbilisi (1 result)?");
  assert.equal(errors, []);
  await page.close();
});

test("excerpts are the article's text, without the title, facts or caption, which still find it", async () => {
  const { page, errors } = await newPage();
  const excerpts = () => page.locator("#search-results .search-excerpt").allTextContents();
  const abstractTitle = "Juan Bautista Mahiques: Special Interest Group Session – Heads of Prosecution Services";
  await openSearch(page, "?type=abstract", sampleServer.url);
  const [abstractExcerpt = ""] = await excerpts();
  assert.ok(abstractExcerpt.startsWith("International Cooperation is undoubtedly a key axis"), abstractExcerpt);
  for (const fact of ["Conference", "Session", "Speaker", "Tbilisi", "Special Interest Group"])
    assert.not.ok(abstractExcerpt.includes(fact), `${fact} in “${abstractExcerpt}”`);
  await openSearch(page, "?type=news", sampleServer.url);
  const [newsExcerpt = ""] = await excerpts();
  assert.ok(
    newsExcerpt.startsWith("The International Association of Prosecutors and the Ibero American Association"),
    newsExcerpt,
  );
  await openSearch(page, "?q=signing", sampleServer.url);
  assert.equal(await titles(page), ["The IAP signed MOU with AIAMP"], "the caption is searched");
  assert.not.ok((await excerpts()).some((text) => text.includes("Illustration made for the archive")));
  const found: [string, string][] = [
    ["Special Interest Group", abstractTitle],
    ["Tbilisi", abstractTitle],
    ["Autonomous City of Buenos Aires Public Prosecution", abstractTitle],
    ["IAP 27th Annual Conference", abstractTitle],
  ];
  for (const [words, title] of found) {
    await openSearch(page, `?q=${encodeURIComponent(words)}&type=abstract`, sampleServer.url);
    assert.equal(await titles(page), [title], words);
  }
  await openSearch(page, "?q=Mahiques&type=abstract", sampleServer.url);
  assert.equal(await titles(page), [abstractTitle]);
  assert.equal(errors, []);
  await page.close();
});

test("a Spanish item is found from the English page with and without accents, marked as Spanish", async () => {
  const { page, errors } = await newPage();
  for (const words of ["fiscalias", "fiscalías", "cooperacion"]) {
    await openSearch(page, `?q=${encodeURIComponent(words)}`, sampleServer.url);
    assert.equal(await titles(page), [spanishTitle], words);
    assert.is(await page.locator("#search-results h3").getAttribute("lang"), "es");
    assert.is(await page.locator("#search-results .search-excerpt").getAttribute("lang"), "es");
    assert.equal(await page.locator(".search-result-type").allTextContents(), ["News · Español"]);
  }
  assert.equal(errors, []);
  await page.close();
});

test("the Language facet counts each language, narrows to lang=es, and translations show as one result", async () => {
  const { page, errors } = await newPage();
  await openSearch(page, "?q=AIAMP", sampleServer.url);
  assert.equal(await titles(page), ["The IAP signed MOU with AIAMP"]);
  assert.equal(await page.locator(".search-also-in").allTextContents(), ["Also found in: Español"]);
  assert.is(await page.locator(".search-also-in a").getAttribute("lang"), "es");
  await page.locator('fieldset[data-facet="lang"] li:not([hidden])').first().waitFor();
  assert.equal(await visibleOptions(page, "lang"), ["English (1)", "Español (1)"]);
  await page.getByRole("checkbox", { name: "Español" }).check();
  await page.waitForURL(`${sampleServer.url}/search/?q=AIAMP&lang=es`);
  await settled(page);
  assert.equal(await titles(page), [spanishTitle]);
  assert.equal(await page.locator("#search-chips li").allTextContents(), ["Remove filter Language: Español ×"]);
  await page.locator(".search-also-in").waitFor({ state: "detached" });
  // The URL alone gives the same search.
  await openSearch(page, "?lang=es", sampleServer.url);
  assert.equal(await titles(page), [spanishTitle]);
  assert.equal(errors, []);
  await page.close();
});

test("the Also in links lead from the English item to the Spanish one and back", async () => {
  const { page, errors } = await newPage();
  await page.goto(`${sampleServer.url}/news/2023/iap-signed-mou-with-aiamp/`);
  await page.getByRole("link", { name: "Español" }).click();
  await page.waitForURL(`${sampleServer.url}/news/2023/la-iap-firmo-un-memorando-con-la-aiamp/`);
  assert.is(await page.locator("h1").textContent(), spanishTitle);
  assert.is(await page.locator("main").getAttribute("lang"), "es");
  await page.getByRole("link", { name: "English" }).click();
  await page.waitForURL(`${sampleServer.url}/news/2023/iap-signed-mou-with-aiamp/`);
  assert.is(await page.locator("h1").textContent(), "The IAP signed MOU with AIAMP");
  assert.equal(errors, []);
  await page.close();
});

test("accent-insensitive: fiscalia finds Fiscalía, sao paulo finds São Paulo; exact accents rank first", async () => {
  const { page, errors } = await newPage();
  await openSearch(page, "?q=fiscalia");
  assert.equal(await titles(page), ["Records of the Fiscalia digitised", "Visit to the Fiscalía de la Nación"]);
  // The words Pagefind matched, as each page writes them, are highlighted on the page a result opens
  // (the excerpt leaves out the title, where they are here).
  assert.equal(
    await page.locator("#search-results h3 a").evaluateAll((links) => links.map((link) => link.getAttribute("href"))),
    ["/news/2017/records/#:~:text=Fiscalia", "/news/2019/visit/#:~:text=Fiscal%C3%ADa"],
  );
  await openSearch(page, "?q=fiscal%C3%ADa");
  assert.equal(await titles(page), ["Visit to the Fiscalía de la Nación", "Records of the Fiscalia digitised"]);
  await openSearch(page, "?q=sao+paulo");
  assert.equal(await titles(page), ["Training week in São Paulo"]);
  assert.equal(errors, []);
  await page.close();
});

test("each facet, browsed without words, lists exactly its pages, newest first", async () => {
  const { page, errors } = await newPage();
  const cases: [string, string[]][] = [
    [
      "?type=abstract",
      ["Electronic evidence in cybercrime cases", "Cooperation across borders", "Training prosecutors"],
    ],
    ["?topic=cybercrime", [xssTitle, "A cybercrime network for prosecutors"]],
    ["?conference=annual-27", ["Cooperation across borders"]],
    ["?speaker=Bo+Sample", ["Electronic evidence in cybercrime cases", "Training prosecutors"]],
    ["?from=2022&to=2023", [xssTitle, "Cooperation across borders", "Report on corruption cases"]],
    ["?to=2013", ["Extradition treaties explained", ...bulletins(11, 9)]],
  ];
  for (const [search, expected] of cases) {
    await openSearch(page, search);
    assert.equal(await titles(page), expected, search);
  }
  assert.equal(errors, []);
  await page.close();
});

/** "Counter-terrorism bulletin 11", "… 10", …: `count` bulletins, newest first from `newest`. */
function bulletins(newest: number, count: number): string[] {
  return Array.from(
    { length: count },
    (_, index) => `Counter-terrorism bulletin ${String(newest - index).padStart(2, "0")}`,
  );
}

test("values of one facet combine with OR, facets with AND, and the year range narrows both", async () => {
  const { page, errors } = await newPage();
  const cases: [string, string[]][] = [
    [
      "?topic=cybercrime&topic=corruption",
      [xssTitle, "Report on corruption cases", "A cybercrime network for prosecutors"],
    ],
    ["?topic=training&topic=cybercrime&from=2021&to=2023", [xssTitle, "A cybercrime network for prosecutors"]],
    ["?speaker=Bo+Sample&conference=annual-29", ["Electronic evidence in cybercrime cases"]],
    ["?type=news&from=2019&to=2020", ["Training week in São Paulo", "Visit to the Fiscalía de la Nación"]],
    ["?type=news&type=abstract&from=2018&to=2019", ["Visit to the Fiscalía de la Nación", "Training prosecutors"]],
    ["?from=2030", []],
  ];
  for (const [search, expected] of cases) {
    await openSearch(page, search);
    assert.equal(await titles(page), expected, search);
  }
  assert.is(await status(page), "No results for the chosen filters");
  assert.equal(errors, []);
  await page.close();
});

test("facet counts: each facet counts without its own choice; empty values are hidden", async () => {
  const { page, errors } = await newPage();
  await openSearch(page, "?topic=training");
  assert.equal(await visibleOptions(page, "type"), ["News (3)"]);
  assert.equal(await visibleOptions(page, "topic"), [
    "International cooperation (1)",
    "Cybercrime (2)",
    "Corruption (1)",
    "Terrorism (11)",
    "Training (3)",
  ]);
  assert.is(await page.locator('fieldset[data-facet="speaker"]').isHidden(), true);
  assert.equal(await page.locator("#search-from option").allTextContents(), [
    "any year",
    "2010 (0)",
    "2013 (0)",
    "2014 (0)",
    "2016 (0)",
    "2017 (0)",
    "2018 (0)",
    "2019 (0)",
    "2020 (1)",
    "2021 (1)",
    "2022 (0)",
    "2023 (0)",
    "2024 (1)",
  ]);
  assert.is(await status(page), "3 results for the chosen filters");
  assert.equal(errors, []);
  await page.close();
});

test("each sort order gives its exact list", async () => {
  const { page, errors } = await newPage();
  const cases: [string, string[]][] = [
    [
      "?q=extradition",
      ["Extradition treaties explained", "Annual meeting notes", "Global Training Academy opens", "Regional workshop"],
    ],
    [
      "?q=extradition&sort=newest",
      ["Global Training Academy opens", "Annual meeting notes", "Regional workshop", "Extradition treaties explained"],
    ],
    [
      "?q=extradition&sort=oldest",
      ["Extradition treaties explained", "Regional workshop", "Annual meeting notes", "Global Training Academy opens"],
    ],
    [
      "?type=abstract&sort=oldest",
      ["Training prosecutors", "Cooperation across borders", "Electronic evidence in cybercrime cases"],
    ],
  ];
  for (const [search, expected] of cases) {
    await openSearch(page, search);
    assert.equal(await titles(page), expected, search);
  }
  assert.equal(errors, []);
  await page.close();
});

test("an index in parts: one search covers every part; facets, counts and sorts hold across them", async () => {
  // At most four articles per part, in whole years, newest first: 2024–2023, 2022–2020, 2019–2016, 2014–2013 and
  // 2010 (eleven bulletins: a year is never split).
  const parted = await buildSite(fixture, {
    outDir: path.join(path.dirname(site.outDir), "_parted"),
    maxIndexPages: 4,
  });
  assert.is(parted.report.search.parts, 5);
  assert.is(parted.report.search.pages, 24);
  const partedServer = await serveStatic(parted.outDir);
  const { page, errors } = await newPage();
  const warnings: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "warning") warnings.push(message.text());
  });
  // Every part runs on the first bundle's engine: one pagefind.js, one wasm, each part's own entry and metadata.
  const requested: string[] = [];
  page.on("request", (request) => requested.push(new URL(request.url()).pathname));
  await openSearch(page, "?q=extradition", partedServer.url);
  const engine = requested.filter((file) => /\/(pagefind\.js|wasm\.[a-z]+\.pagefind)$/.test(file)).sort();
  assert.equal(engine, ["/pagefind/pagefind.js", "/pagefind/wasm.en.pagefind"]);
  assert.equal(requested.filter((file) => file.endsWith("/pagefind-entry.json")).sort(), [
    "/pagefind/pagefind-entry.json",
    "/pagefind/part-2/pagefind-entry.json",
    "/pagefind/part-3/pagefind-entry.json",
    "/pagefind/part-4/pagefind-entry.json",
    "/pagefind/part-5/pagefind-entry.json",
  ]);
  const cases: [string, string[]][] = [
    [
      "?q=extradition&sort=newest",
      ["Global Training Academy opens", "Annual meeting notes", "Regional workshop", "Extradition treaties explained"],
    ],
    [
      "?q=extradition&sort=oldest",
      ["Extradition treaties explained", "Regional workshop", "Annual meeting notes", "Global Training Academy opens"],
    ],
    [
      "?type=abstract&sort=oldest",
      ["Training prosecutors", "Cooperation across borders", "Electronic evidence in cybercrime cases"],
    ],
    [
      "?type=abstract",
      ["Electronic evidence in cybercrime cases", "Cooperation across borders", "Training prosecutors"],
    ],
    [
      "?topic=cybercrime&topic=corruption",
      [xssTitle, "Report on corruption cases", "A cybercrime network for prosecutors"],
    ],
    ["?speaker=Bo+Sample&conference=annual-29", ["Electronic evidence in cybercrime cases"]],
    ["?to=2013", ["Extradition treaties explained", ...bulletins(11, 9)]],
    ["?q=fiscalia", ["Records of the Fiscalia digitised", "Visit to the Fiscalía de la Nación"]],
  ];
  for (const [search, expected] of cases) {
    await openSearch(page, search, partedServer.url);
    assert.equal(await titles(page), expected, search);
  }
  await openSearch(page, "?topic=training", partedServer.url);
  assert.equal(await visibleOptions(page, "type"), ["News (3)"]);
  assert.is(await status(page), "3 results for the chosen filters");
  // Each part counts its facets with its own facet file, never with Pagefind's filter files.
  assert.equal(
    requested.filter((file) => file.endsWith(".pf_filter")),
    [],
  );
  const facetFolders = new Set(
    requested.filter((file) => file.endsWith(".facets")).map((file) => file.replace(/filter\/[^/]+$/, "")),
  );
  assert.equal([...facetFolders].sort(), [
    "/pagefind/",
    "/pagefind/part-2/",
    "/pagefind/part-3/",
    "/pagefind/part-4/",
    "/pagefind/part-5/",
  ]);
  assert.equal(errors, []);
  assert.equal(warnings, []);
  await page.close();
  // Closed after the browser (test.after): a server waits for the browser's open connections.
  laterClosed.push(partedServer);
});

/** Every facet's visible choices and the year list, as a reader sees them. */
async function facetCounts(page: Page): Promise<Record<string, string[]>> {
  const counts: Record<string, string[]> = {};
  for (const facet of ["type", "topic", "conference", "speaker"]) counts[facet] = await visibleOptions(page, facet);
  counts.years = await page.locator("#search-from option").allTextContents();
  return counts;
}

test("an untested Pagefind: no facet file, a warning, and the same counts from Pagefind's own filters", async () => {
  const lines: string[] = [];
  process.env[pretendedPagefindVersion] = "1.7.0";
  let untested;
  try {
    untested = await buildSite(fixture, {
      outDir: path.join(path.dirname(site.outDir), "_untested"),
      log: (line) => lines.push(line),
    });
  } finally {
    delete process.env[pretendedPagefindVersion];
  }
  assert.equal(
    lines.filter((line) => line.startsWith("warning:")),
    [
      "warning: Pagefind 1.7.0 is not one this build was tested with (1.6.0): the search page counts facets with " +
        "Pagefind's own filters",
    ],
  );
  const facetFiles = (dir: string) => listFiles(dir).filter((file) => file.endsWith(".facets"));
  assert.is(facetFiles(site.outDir).length, 1);
  assert.equal(facetFiles(untested.outDir), []);
  assert.is(untested.report.search.pages, 24);

  const untestedServer = await serveStatic(untested.outDir);
  const { page, errors } = await newPage();
  const warnings: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "warning") warnings.push(message.text());
  });
  // Of the untested site only: the same page opens the normal site too, to compare.
  const requested: string[] = [];
  page.on("request", (request) => {
    if (request.url().startsWith(`${untestedServer.url}/`)) requested.push(new URL(request.url()).pathname);
  });
  await openSearch(page, "?topic=training", untestedServer.url);
  const counted = await facetCounts(page);
  assert.equal(counted.type, ["News (3)"]);
  assert.equal(counted.topic, [
    "International cooperation (1)",
    "Cybercrime (2)",
    "Corruption (1)",
    "Terrorism (11)",
    "Training (3)",
  ]);
  assert.equal(counted.years, [
    "any year",
    "2010 (0)",
    "2013 (0)",
    "2014 (0)",
    "2016 (0)",
    "2017 (0)",
    "2018 (0)",
    "2019 (0)",
    "2020 (1)",
    "2021 (1)",
    "2022 (0)",
    "2023 (0)",
    "2024 (1)",
  ]);
  for (const search of [
    "?topic=training",
    "?q=extradition",
    "?q=cybercrime&type=abstract",
    "?speaker=Bo+Sample&from=2018",
    "?type=news&topic=terrorism&topic=training",
  ]) {
    await openSearch(page, search, untestedServer.url);
    const theirs = { titles: await titles(page), status: await status(page), facets: await facetCounts(page) };
    await openSearch(page, search);
    assert.equal(
      theirs,
      { titles: await titles(page), status: await status(page), facets: await facetCounts(page) },
      search,
    );
  }
  // Pagefind filtered and counted from its own filter files; the page never asked for a facet file.
  assert.ok(requested.some((file) => file.endsWith(".pf_filter")));
  assert.equal(
    requested.filter((file) => file.endsWith(".facets")),
    [],
  );
  assert.equal(errors, []);
  assert.equal(warnings, []);
  await page.close();
  laterClosed.push(untestedServer);
});

test("the state lives in the URL: controls push it, reload keeps it, Back restores the one before", async () => {
  const { page, errors } = await newPage();
  await openSearch(page, "?q=extradition");
  await page.locator('input[name="type"][value="news"]').check();
  await page.waitForURL(`${server.url}/search/?q=extradition&type=news`);
  await settled(page);
  await page.selectOption("#search-sort", "oldest");
  await page.waitForURL(`${server.url}/search/?q=extradition&type=news&sort=oldest`);
  await settled(page);
  await page.selectOption("#search-from", "2014");
  await page.waitForURL(`${server.url}/search/?q=extradition&type=news&from=2014&sort=oldest`);
  await settled(page);
  const expected = ["Regional workshop", "Annual meeting notes", "Global Training Academy opens"];
  assert.equal(await titles(page), expected);

  await page.reload();
  await settled(page);
  assert.equal(await titles(page), expected);
  assert.is(await page.locator("#search-q").inputValue(), "extradition");
  assert.is(await page.locator('input[name="type"][value="news"]').isChecked(), true);
  assert.is(await page.locator("#search-sort").inputValue(), "oldest");
  assert.is(await page.locator("#search-from").inputValue(), "2014");

  await page.goBack();
  await page.waitForURL(`${server.url}/search/?q=extradition&type=news&sort=oldest`);
  await settled(page);
  assert.equal(await titles(page), [
    "Extradition treaties explained",
    "Regional workshop",
    "Annual meeting notes",
    "Global Training Academy opens",
  ]);
  assert.is(await page.locator("#search-from").inputValue(), "");
  await page.goBack();
  await page.goBack();
  await page.waitForURL(`${server.url}/search/?q=extradition`);
  await settled(page);
  assert.is(await page.locator('input[name="type"][value="news"]').isChecked(), false);
  assert.equal(await titles(page), [
    "Extradition treaties explained",
    "Annual meeting notes",
    "Global Training Academy opens",
    "Regional workshop",
  ]);

  await page.locator("#search-q").fill("fiscalia");
  await page.locator("#search-q").press("Enter");
  await page.waitForURL(`${server.url}/search/?q=fiscalia`);
  await settled(page);
  assert.equal(await titles(page), ["Records of the Fiscalia digitised", "Visit to the Fiscalía de la Nación"]);
  assert.equal(errors, []);
  await page.close();
});

test("ten results at a time: More results loads the next and moves focus to the first new one", async () => {
  const { page, errors } = await newPage();
  await openSearch(page, "?topic=terrorism");
  assert.is((await titles(page)).length, 10);
  assert.is(await page.locator("#search-more").textContent(), "More results (10 of 11 shown)");
  await page.locator("#search-more").click();
  await page.waitForFunction(() => document.querySelectorAll("#search-results li").length === 11);
  assert.is(await page.locator("#search-more").isHidden(), true);
  assert.is(await page.evaluate(() => document.activeElement?.textContent), "Counter-terrorism bulletin 01");
  assert.equal(errors, []);
  await page.close();
});

/** Pixels of the highlight colour (site.css `::target-text`) in a screenshot of the article body. */
async function highlightedPixels(page: Page): Promise<number> {
  const shot = await page.locator("article").screenshot();
  return page.evaluate(async (png) => {
    const image = new Image();
    image.src = `data:image/png;base64,${png}`;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext("2d");
    if (!context) return -1;
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let count = 0;
    for (let i = 0; i < data.length; i += 4)
      if (data[i] === 0xff && data[i + 1] === 0xe0 && data[i + 2] === 0x66) count++;
    return count;
  }, shot.toString("base64"));
}

test("a result opens its page with the words highlighted; that page loads no script but the offline one", async () => {
  const { page, errors } = await newPage();
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(request.url());
  });
  await openSearch(page, "?q=fiscalia");
  const link = page.getByRole("link", { name: "Visit to the Fiscalía de la Nación" });
  assert.is(await link.getAttribute("href"), "/news/2019/visit/#:~:text=Fiscal%C3%ADa");
  scripts.length = 0;
  await link.click();
  // Chromium keeps the text directive out of location but Playwright reports the full URL.
  await page.waitForURL((url) => url.pathname === "/news/2019/visit/");
  await page.waitForLoadState("load");
  assert.ok((await highlightedPixels(page)) > 100, "Fiscalía is highlighted");
  assert.equal(
    scripts.filter((url) => !/\/assets\/register\.[0-9a-f]{10}\.js$/.test(url)),
    [],
  );
  await page.goto(`${server.url}/news/2019/visit/`);
  assert.is(await highlightedPixels(page), 0);
  assert.equal(errors, []);
  await page.close();
});

test("a title made of markup is shown as text and runs nothing", async () => {
  const { page, errors } = await newPage();
  await openSearch(page, "?q=onerror");
  assert.equal(await titles(page), [xssTitle]);
  assert.is(await page.locator("#search-results img").count(), 0);
  assert.equal(errors, []);
  await page.close();
});

test("axe finds no problem on search: results, none with filters, Skip to results; at 375 and 1280 px", async () => {
  // The page's CSP (rightly) refuses an injected inline script: only this context bypasses it, to load axe.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  const errors = collectErrors(page);
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    for (const search of ["?q=extradition&type=news", "?q=qqxxv&topic=cybercrime&from=2020"]) {
      await openSearch(page, search);
      await page.locator("#search-skip").focus();
      await page.addScriptTag({ content: axe.source });
      const violations = await page.evaluate(async () => {
        const results = await (window as unknown as { axe: typeof axe }).axe.run(document);
        return results.violations.map(
          (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
        );
      });
      assert.equal(violations, [], `${search} at ${width} px`);
    }
  }
  assert.equal(errors, []);
  await context.close();
});

test("a search that finds nothing says so, with what to try and each chosen filter to remove", async () => {
  const { page, errors } = await newPage();
  const empty = page.locator("#search-empty");
  const visibleTips = () => empty.locator("li[id]:not([hidden])").evaluateAll((items) => items.map((item) => item.id));
  await openSearch(page, "?q=qqxxv&topic=cybercrime&from=2020");
  assert.is(await empty.isVisible(), true);
  assert.is(
    await empty.locator("#search-empty-title").textContent(),
    "No results for “qqxxv” with the chosen filters.",
  );
  assert.equal(await visibleTips(), ["search-empty-words", "search-empty-filter"]);
  assert.is(
    await empty.locator("#search-empty-words").textContent(),
    "Check the spelling, or search for other or fewer words.",
  );
  assert.equal(await empty.locator("#search-empty-filters button").allTextContents(), [
    "Remove filter Topic: Cybercrime ×",
    "Remove filter Years: 2020–… ×",
  ]);
  assert.equal(
    await empty.locator("a").evaluateAll((links) => links.map((link) => [link.textContent, link.getAttribute("href")])),
    [
      ["all news", "/news/"],
      ["by year", "/years/"],
      ["by topic", "/topics/"],
      ["conference abstracts", "/conferences/"],
    ],
  );
  await empty.getByRole("button", { name: "Remove filter Topic: Cybercrime" }).click();
  await page.waitForURL(`${server.url}/search/?q=qqxxv&from=2020`);
  await settled(page);
  assert.equal(await empty.locator("#search-empty-filters button").allTextContents(), [
    "Remove filter Years: 2020–… ×",
  ]);
  await empty.getByRole("button", { name: "clear all filters" }).click();
  await page.waitForURL(`${server.url}/search/?q=qqxxv`);
  await settled(page);
  assert.is(await empty.locator("#search-empty-title").textContent(), "No results for “qqxxv”.");
  assert.equal(await visibleTips(), ["search-empty-words"]);
  assert.is(await page.evaluate(() => document.activeElement?.id), "search-q");
  // Filters without words: nothing to spell.
  await openSearch(page, "?from=2030");
  assert.is(await empty.locator("#search-empty-title").textContent(), "No results for the chosen filters.");
  assert.equal(await visibleTips(), ["search-empty-filter"]);
  // Results hide it again.
  await openSearch(page, "?q=extradition");
  assert.is(await empty.isHidden(), true);
  assert.equal(errors, []);
  await page.close();
});

test("Skip to results precedes the facets, shows on focus, moves focus to the results; 375 and 1280 px", async () => {
  const { page, errors } = await newPage();
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await openSearch(page, "?q=extradition&type=news");
    const skip = page.getByRole("link", { name: "Skip to results" });
    assert.is((await skip.boundingBox())?.width, 1, "hidden until focused");
    let tabs = 0;
    while ((await page.evaluate(() => document.activeElement?.id)) !== "search-skip" && tabs < 40) {
      await page.keyboard.press("Tab");
      tabs++;
    }
    // The site's skip link, its name, five sections, the words, Search and the chosen filter's chip.
    assert.is(tabs, 11, `Tabs to reach it at ${width} px`);
    const box = await skip.boundingBox();
    assert.ok(
      box && box.width > 80 && box.height > 20 && box.y >= 0 && box.x >= 0 && box.x + box.width <= width,
      `visible at ${width} px: ${JSON.stringify(box)}`,
    );
    await page.keyboard.press("Enter");
    assert.is(await page.evaluate(() => document.activeElement?.id), "search-results-heading");
    assert.is(page.url(), `${server.url}/search/?q=extradition&type=news`, "no history entry of its own");
    await page.keyboard.press("Tab");
    assert.is(await page.evaluate(() => document.activeElement?.id), "search-sort");
    await page.keyboard.press("Tab");
    assert.is(await page.evaluate(() => document.activeElement?.textContent), "Extradition treaties explained");
  }
  assert.equal(errors, []);
  await page.close();
});

test("without JavaScript the search page says so and points to the browsing pages", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${server.url}/search/?q=fiscalia`);
  assert.is(await page.locator("#search").isHidden(), true);
  assert.match((await page.locator("#search-nojs").textContent()) ?? "", "needs JavaScript");
  assert.equal(
    await page.locator("#search-nojs a").evaluateAll((links) => links.map((link) => link.getAttribute("href"))),
    ["/news/", "/years/", "/topics/", "/conferences/"],
  );
  await context.close();
});

test.run();
