/**
 * Browsing and searching an archive with hundreds of speakers, in real Chromium: facets
 * that collapse, "Show all", the facet filter box, removable chips, the phone layout, the speakers
 * index A–Z, a header that does not jump, print in dark mode, and an empty result that passes axe.
 * And the lists on a second archive, at 375 and 1280 px: names from every alphabet
 * filed A–Z, the years chart showing its newest end, the home page's short lists, axe on each.
 */
import axe from "axe-core";
import type { Browser, Page } from "playwright-core";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { manySpeakersContent } from "../fixtures/speakers/many-speakers.ts";
import { firstYear, internationalContent, internationalSpeakers, lastYear } from "../fixtures/lists/international.ts";
import { collectErrors, launchBrowser, serveStatic } from "../support/browser.ts";
import { buildSite, writeContent } from "../support/site.ts";

const site = await buildSite(writeContent(manySpeakersContent()), { validateHtml: "sample" });
const server = await serveStatic(site.outDir);
const lists = await serveStatic(
  (await buildSite(writeContent(internationalContent()), { validateHtml: "sample" })).outDir,
);
const browser: Browser = await launchBrowser();

test.after(async () => {
  await browser.close();
  await server.close();
  await lists.close();
});

const widths = [375, 1280] as const;

/** A page of the lists archive at a width, in a context that may load axe (the page's CSP refuses injected scripts). */
async function openList(url: string, width: number): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width, height: 800 } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${lists.url}${url}`);
  return { page, errors, close: () => context.close() };
}

/** axe-core's violations on the page, as "rule: target". */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document);
    return result.violations.flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id}: ${node.target.join(" ")}`),
    );
  });
}

/** How far the page scrolls sideways (0: not at all). */
function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

async function open(url: string, viewport = { width: 1280, height: 900 }): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport });
  const errors = collectErrors(page);
  await page.goto(`${server.url}${url}`);
  return { page, errors };
}

/** Waits until the search answered and the facets have their counts. */
async function searched(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const results = document.querySelector("#search-results");
    const speakers = document.querySelector('fieldset[data-facet="speaker"] li');
    return (
      results?.getAttribute("aria-busy") === "false" &&
      (speakers !== null || document.querySelector("#search-status")?.textContent?.startsWith("No"))
    );
  });
}

/** Speaker checkboxes a reader can see (a hidden item takes no room at all). */
function visibleSpeakers(page: Page): Promise<string[]> {
  return page.$$eval('fieldset[data-facet="speaker"] li', (items) =>
    items
      .filter((item) => item.getBoundingClientRect().height > 0)
      .map((item) => item.querySelector("input")?.value ?? ""),
  );
}

test("a long facet shows 10 values, hides the rest (no room taken); “Show all 321 speakers” shows them", async () => {
  const { page, errors } = await open("/search/?q=cooperation");
  await searched(page);
  assert.is((await visibleSpeakers(page)).length, 10);
  const toggle = page.locator('fieldset[data-facet="speaker"] .facet-toggle');
  assert.is(await toggle.textContent(), "Show all 321 speakers");
  const heightBefore = await page
    .locator('fieldset[data-facet="speaker"]')
    .evaluate((node) => Math.round(node.getBoundingClientRect().height));
  assert.ok(heightBefore < 500, `speaker facet is ${heightBefore}px tall`);
  await toggle.click();
  assert.is((await visibleSpeakers(page)).length, 321);
  assert.is(await toggle.textContent(), "Show fewer speakers");
  assert.is(await toggle.getAttribute("aria-expanded"), "true");
  await toggle.click();
  assert.is((await visibleSpeakers(page)).length, 10);
  assert.equal(errors, []);
  await page.close();
});

test("values without results are hidden unless chosen: one conference's search offers its 64 speakers", async () => {
  const { page } = await open("/search/?conference=annual-23");
  await searched(page);
  assert.is(await page.locator('fieldset[data-facet="speaker"] .facet-toggle').textContent(), "Show all 64 speakers");
  const counts = await page.$$eval('fieldset[data-facet="speaker"] li', (items) =>
    items
      .filter((item) => item.getBoundingClientRect().height > 0)
      .map((item) => item.querySelector(".count")?.textContent),
  );
  assert.equal(new Set(counts), new Set(["(1)"]));
  await page.close();
});

test("the filter box narrows a long facet as you type, accents ignored, and choosing from it searches", async () => {
  const { page, errors } = await open("/search/?q=cooperation");
  await searched(page);
  const box = page.getByLabel("Find speakers");
  await box.fill("nunez");
  const nunez = await visibleSpeakers(page);
  assert.is(nunez.length, 20);
  assert.ok(
    nunez.every((name) => name.endsWith(" Núñez")),
    nunez.join(", "),
  );
  await box.fill("ana nú");
  assert.equal(await visibleSpeakers(page), ["Ana Núñez"]);
  // Enter narrows; it does not submit the search.
  const before = page.url();
  await box.press("Enter");
  assert.is(page.url(), before);
  await page.getByLabel("Ana Núñez").check();
  await page.waitForURL(/speaker=Ana\+N%C3%BA%C3%B1ez/);
  await searched(page);
  assert.is(await page.locator("#search-status").textContent(), "1 result for “cooperation” with the chosen filters");
  await box.fill("zzz");
  assert.equal(await visibleSpeakers(page), []);
  assert.is(await page.locator(".facet-no-match").textContent(), "No speakers match “zzz”.");
  assert.equal(errors, []);
  await page.close();
});

test("on a phone: summary, folded filters, then results in the first screen; chips remove filters", async () => {
  const { page, errors } = await open("/search/?q=cooperation&conference=annual-23&from=2018", {
    width: 390,
    height: 844,
  });
  await searched(page);
  assert.is(await page.locator("#search-filters-panel").evaluate((node) => (node as HTMLDetailsElement).open), false);
  const top = (selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((node) => Math.round(node.getBoundingClientRect().top));
  const [status, chips, panel, firstResult] = [
    await top("#search-status"),
    await top("#search-chips"),
    await top("#search-filters-panel"),
    await top("#search-results li"),
  ];
  assert.ok(status < chips && chips < panel && panel < firstResult, `${status} ${chips} ${panel} ${firstResult}`);
  assert.ok(firstResult < 844 - 100, `first result at ${firstResult}px`);
  assert.is(await page.locator("#search-filters-panel summary").textContent(), "Filters (2 chosen)");
  assert.equal(await page.locator("#search-chips button").allTextContents(), [
    "Remove filter Conference: IAP 23rd Annual Conference ×",
    "Remove filter Years: 2018–… ×",
  ]);
  await page.locator("#search-chips button").first().click();
  await page.waitForURL(/\?q=cooperation&from=2018$/);
  assert.equal(await page.locator("#search-chips button").allTextContents(), ["Remove filter Years: 2018–… ×"]);
  assert.is(await page.evaluate(() => document.activeElement?.textContent), "Remove filter Years: 2018–… ×");
  await page.locator("#search-chips button").click();
  await page.waitForURL(/\?q=cooperation$/);
  assert.is(await page.locator("#search-chips").isHidden(), true);
  // Unfolded, the filters are there to use.
  await page.locator("#search-filters-panel summary").click();
  assert.is(await page.getByLabel("Find speakers").isVisible(), true);
  assert.equal(errors, []);
  await page.close();
});

test("a search with no result: the empty list is hidden and axe finds no violation", async () => {
  // The page's CSP (rightly) refuses an injected inline script: only this context bypasses it, to load axe.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${server.url}/search/?q=xylophonequartz`);
  await searched(page);
  assert.is(await page.locator("#search-status").textContent(), "No results for “xylophonequartz”");
  assert.is(await page.locator("#search-results").isHidden(), true);
  await page.addScriptTag({ content: axe.source });
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document);
    return result.violations.map((violation) => violation.id);
  });
  assert.equal(violations, []);
  assert.equal(errors, []);
  await context.close();
});

test("a misspelt word: “Did you mean cooperation (64 results)?”, filters kept; the dictionary loads then", async () => {
  const { page, errors } = await open("/search/?q=cooperation");
  const words: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/search/words/")) words.push(new URL(request.url()).pathname);
  });
  await searched(page);
  assert.is(await page.locator("#search-suggestion").isHidden(), true);
  assert.equal(words, []);
  await page.goto(`${server.url}/search/?q=coperation&conference=annual-23`);
  const suggestion = page.locator("#search-suggestion");
  await suggestion.waitFor();
  assert.is(await suggestion.textContent(), "Did you mean cooperation (64 results)?");
  // "No results" is said once, in the results' place.
  assert.is(
    await page.locator("#search-empty-title").textContent(),
    "No results for “coperation” with the chosen filters.",
  );
  assert.is(await suggestion.locator("a").getAttribute("href"), "/search/?q=cooperation&conference=annual-23");
  assert.equal(words.sort(), ["/search/words/c.txt", "/search/words/o.txt"]);
  await suggestion.locator("a").click();
  await page.waitForURL(/\?q=cooperation&conference=annual-23$/);
  await searched(page);
  assert.is(await page.locator("#search-status").textContent(), "64 results for “cooperation” with the chosen filters");
  assert.is(await suggestion.isHidden(), true);
  assert.equal(errors, []);
  await page.close();
});

test("no suggestion for a correct word, nor for a misspelling Pagefind answers as the correction would", async () => {
  const { page, errors } = await open("/search/");
  const suggestion = page.locator("#search-suggestion");
  const words: string[] = [];
  page.on("requestfinished", (request) => {
    if (request.url().includes("/search/words/")) words.push(new URL(request.url()).pathname);
  });
  await page.goto(`${server.url}/search/?q=cooperaton`);
  await searched(page);
  await page.waitForLoadState("networkidle");
  assert.is(await page.locator("#search-status").textContent(), "324 results for “cooperaton”");
  // The dictionary was read and found "cooperation", whose 324 results are these.
  assert.equal(words.sort(), ["/search/words/c.txt", "/search/words/o.txt"]);
  assert.is(await suggestion.isHidden(), true);
  await page.goto(`${server.url}/search/?q=prosecutors`);
  await searched(page);
  assert.is(await page.locator("#search-status").textContent(), "323 results for “prosecutors”");
  assert.is(await suggestion.isHidden(), true);
  assert.equal(errors, []);
  await page.close();
});

test("34 Tabs from the top reach the first result: past 10 speakers, not 321; with Skip to results 13", async () => {
  const { page } = await open("/search/?q=cooperation");
  await searched(page);
  const stops: string[] = [];
  const onFirstResult = () =>
    page.evaluate(() => document.activeElement === document.querySelector("#search-results a"));
  while (stops.length < 100 && !(await onFirstResult())) {
    await page.keyboard.press("Tab");
    stops.push(
      await page.evaluate(() => {
        const element = document.activeElement;
        if (!element) return "";
        const text = (element.textContent ?? "").trim().slice(0, 20);
        return `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""} ${text}`;
      }),
    );
  }
  assert.is(stops.length, 34, stops.join(" | "));
  assert.is(stops[9], "a#search-skip Skip to results");
  // Issue 33: the skip link, the 10th stop, leads past every facet.
  await page.reload();
  await searched(page);
  for (let tab = 0; tab < 10; tab++) await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  assert.is(await onFirstResult(), true);
  await page.close();
});

test("the year chart labels every year, boxes apart, oldest left; in dark mode axe finds nothing on it", async () => {
  // The page's CSP (rightly) refuses an injected inline script: only this context bypasses it, to load axe.
  const context = await browser.newContext({ bypassCSP: true, colorScheme: "dark" });
  const page = await context.newPage();
  await page.goto(`${server.url}/years/`);
  const labels = await page.locator(".year-chart .year-label:not(:empty)").evaluateAll((nodes) =>
    nodes.map((node) => {
      const box = node.getBoundingClientRect();
      return { year: node.textContent, left: box.left, right: box.right };
    }),
  );
  assert.equal(
    labels.map((label) => label.year),
    ["2024", "2023", "2022", "2018"],
  );
  const leftToRight = [...labels].sort((a, b) => a.left - b.left);
  assert.equal(
    leftToRight.map((label) => label.year),
    ["2018", "2022", "2023", "2024"],
  );
  leftToRight.slice(1).forEach((label, index) => {
    const before = leftToRight[index] as (typeof labels)[0];
    assert.ok(
      before.right < label.left,
      `${before.year} ends at ${before.right}px, ${label.year} starts at ${label.left}px`,
    );
  });
  await page.addScriptTag({ content: axe.source });
  const [violations = [], incomplete = [], passes = []] = await page.evaluate(async () => {
    const results = await (window as unknown as { axe: typeof axe }).axe.run(document);
    return [results.violations, results.incomplete, results.passes].map((rules) =>
      rules.flatMap((rule) => rule.nodes.map((node) => `${rule.id}: ${node.target.join(" ")}`)),
    );
  });
  assert.equal(violations, []);
  assert.equal(incomplete, []);
  // The labels were checked, not skipped: axe found their contrast sufficient.
  assert.equal(passes.filter((entry) => entry.startsWith("color-contrast") && entry.endsWith(".year-label")).length, 4);
  await context.close();
});

test("the speakers index: by surname, A–Z links that jump to their letter, a count per speaker", async () => {
  const { page } = await open("/speakers/");
  assert.equal((await page.locator(".az-list a").allTextContents()).slice(0, 3), [
    "Abara, Ana",
    "Abara, Bo",
    "Abara, Carmen",
  ]);
  assert.is(await page.locator(".az-list li").count(), 321);
  assert.equal(await page.locator(".az-nav a").allTextContents(), [
    "Surnames starting with A",
    "Surnames starting with B",
    "Surnames starting with C",
    "Surnames starting with D",
    "Surnames starting with E",
    "Surnames starting with F",
    "Surnames starting with G",
    "Surnames starting with H",
    "Surnames starting with I",
    "Surnames starting with J",
    "Surnames starting with K",
    "Surnames starting with L",
    "Surnames starting with M",
    "Surnames starting with N",
    "Surnames starting with O",
  ]);
  // Åström files under A; Bautista Mahiques under B, by the sort name the abstract gives.
  assert.is(await page.locator("#letter-a + ul li").count(), 40);
  assert.equal((await page.locator("#letter-b + ul a").allTextContents()).slice(0, 2), [
    "Bautista Mahiques, Juan",
    "Bianchi, Ana",
  ]);
  await page.locator('.az-nav a[href="#letter-c"]').click();
  await page.waitForURL(/#letter-c$/);
  const headingTop = await page.locator("#letter-c").evaluate((node) => Math.round(node.getBoundingClientRect().top));
  const navBottom = await page.locator(".az-nav").evaluate((node) => Math.round(node.getBoundingClientRect().bottom));
  assert.ok(
    headingTop >= navBottom && headingTop < navBottom + 40,
    `heading at ${headingTop}, letters end at ${navBottom}`,
  );
  assert.is(await page.locator("#letter-c + ul li").first().textContent(), "Čapek, Ana (1 abstract)");
  await page.close();
});

test("the header keeps one row, 61 px, on every kind of page from 900 to 1440 px", async () => {
  const page = await browser.newPage();
  const heights = new Set<number>();
  for (const width of [900, 1024, 1280, 1440]) {
    await page.setViewportSize({ width, height: 800 });
    for (const url of [
      "/",
      "/conferences/",
      "/conferences/annual-27/",
      "/abstracts/annual-27/mahiques/",
      "/speakers/",
      "/news/2023/",
    ]) {
      await page.goto(`${server.url}${url}`);
      heights.add(
        await page.locator(".site-header").evaluate((node) => Math.round(node.getBoundingClientRect().height)),
      );
    }
  }
  assert.equal([...heights], [61]);
  await page.close();
});

test("printed in dark mode: dark text and links on white, no dark citation box; results full width", async () => {
  const { page } = await open("/abstracts/annual-27/mahiques/");
  await page.emulateMedia({ media: "print", colorScheme: "dark" });
  const style = (selector: string, property: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((node, name) => getComputedStyle(node).getPropertyValue(name), property);
  assert.is(await style("main a", "color"), "rgb(11, 61, 107)");
  assert.is(await style("body", "color"), "rgb(0, 0, 0)");
  assert.is(await style("html", "background-color"), "rgb(255, 255, 255)");
  assert.is(await style(".breadcrumb", "color"), "rgb(51, 51, 51)");
  assert.is(await style(".citation", "background-color"), "rgba(0, 0, 0, 0)");
  await page.goto(`${server.url}/search/?q=cooperation`);
  await searched(page);
  const [listWidth, mainWidth] = await page.evaluate(() => [
    Math.round(document.querySelector("#search-results")?.getBoundingClientRect().width ?? 0),
    Math.round(document.querySelector("main")?.getBoundingClientRect().width ?? 0),
  ]);
  assert.is(listWidth, mainWidth);
  assert.is(await page.locator("#search-filters-panel").isHidden(), true);
  await page.close();
});

for (const width of widths) {
  test(`speakers A–Z at ${width} px: Ł, Ø, Đ, Ə under L, O, D, E, Þ after Z, Greek, Cyrillic; all agree`, async () => {
    const { page, errors, close } = await openList("/speakers/", width);
    const bar = await page
      .locator(".az-nav a")
      .evaluateAll((links) => links.map((link) => [link.getAttribute("href"), link.textContent]));
    assert.equal(bar, [
      ["#letter-a", "Surnames starting with A"],
      ["#letter-d", "Surnames starting with D"],
      ["#letter-e", "Surnames starting with E"],
      ["#letter-l", "Surnames starting with L"],
      ["#letter-o", "Surnames starting with O"],
      ["#letter-z", "Surnames starting with Z"],
      ["#letter-u00de", "Surnames starting with Þ"],
      ["#letter-greek", "Surnames in Greek script: Α–Ω"],
      ["#letter-cyrillic", "Surnames in Cyrillic script: А–Я"],
    ]);
    // The page's sections are the bar's letters, in its order, each below the one before.
    const sections = await page
      .locator(".az-section h2")
      .evaluateAll((headings) =>
        headings.map((heading) => [`#${heading.id}`, Math.round(heading.getBoundingClientRect().top)] as const),
      );
    assert.equal(
      sections.map(([id]) => id),
      bar.map(([href]) => href),
    );
    assert.ok(sections.every(([, top], index) => index === 0 || top > (sections[index - 1]?.[1] ?? 0)));
    const names = (letter: string) => page.locator(`#letter-${letter} + ul a`).allTextContents();
    assert.equal(await names("d"), ["Đorđević, Ana", "Duarte, Dan"]);
    assert.equal(await names("e"), ["Eriksen, Eva", "Əliyev, Elmar"]);
    assert.equal(await names("l"), ["Łukaszewicz, Anna", "Lyon, Lena"]);
    assert.equal(await names("o"), ["Ødegaard, Ola", "Oz, Otto"]);
    assert.equal(await names("u00de"), ["Þorsteinsson, Jón"]);
    assert.equal(await names("greek"), ["Παπαδόπουλος, Γιώργος"]);
    assert.equal(await names("cyrillic"), ["Иванов, Иван"]);
    assert.is(await page.locator(".az-list li").count(), internationalSpeakers.length);
    assert.is(await page.locator("#letter-greek").textContent(), "Α–Ω Greek script");
    await page.locator('.az-nav a[href="#letter-greek"]').click();
    await page.waitForURL(/#letter-greek$/);
    assert.is(await sidewaysScroll(page), 0);
    assert.equal(await axeViolations(page), []);
    assert.equal(errors, []);
    await close();
  });

  test(`the years chart at ${width} px: all labelled, newest shown, a hint while older years hide`, async () => {
    const { page, errors, close } = await openList("/years/", width);
    const scroller = page.locator(".year-chart-scroller");
    const box = await scroller.evaluate((node) => {
      const rect = node.getBoundingClientRect();
      return { left: rect.left, right: rect.right, overflows: node.scrollWidth > node.clientWidth };
    });
    const labels = await page.locator(".year-label").evaluateAll((nodes) =>
      nodes.map((node) => ({
        year: Number(node.textContent),
        left: node.getBoundingClientRect().left,
        right: node.getBoundingClientRect().right,
      })),
    );
    assert.is(labels.length, lastYear - firstYear + 1);
    assert.equal(
      [...labels].sort((a, b) => a.left - b.left).map((label) => label.year),
      Array.from({ length: labels.length }, (_, index) => firstYear + index),
    );
    const inView = labels
      .filter((label) => label.left >= box.left && label.right <= box.right)
      .map((label) => label.year);
    assert.ok(inView.includes(lastYear), `in view: ${inView.join(", ")}`);
    if (width === 375) {
      // Twelve years are wider than a phone: the chart starts at its newest end, the oldest a scroll away.
      assert.is(box.overflows, true);
      assert.not.ok(inView.includes(firstYear), `in view: ${inView.join(", ")}`);
      assert.is(await page.locator(".year-scroll-hint").isVisible(), true);
      assert.is(await page.locator(".year-scroll-hint").textContent(), "‹ Scroll sideways for earlier years");
      await scroller.evaluate((node) => node.scrollBy({ left: -2000 }));
      const oldest = await page
        .locator(".year-label")
        .last()
        .evaluate((node) => Math.round(node.getBoundingClientRect().left));
      assert.ok(oldest >= Math.floor(box.left), `${firstYear} at ${oldest}px after scrolling`);
    } else {
      assert.is(box.overflows, false);
      assert.is(inView.length, labels.length);
      assert.is(await page.locator(".year-scroll-hint").isVisible(), false);
    }
    assert.is(
      await page.locator(".year-chart li").first().getAttribute("title"),
      `${lastYear}: 2 news items, 13 abstracts`,
    );
    assert.is(
      await page.locator(".year-chart li").last().getAttribute("title"),
      `${firstYear}: 1 news item, 0 abstracts`,
    );
    assert.is(await sidewaysScroll(page), 0);
    assert.equal(await axeViolations(page), []);

    await page.goto(`${lists.url}/news/${lastYear - 1}/`);
    assert.equal(await page.locator(".year-chart .current .year-label").allTextContents(), [String(lastYear - 1)]);
    assert.is(await page.locator(".year-chart .current .year-label").isVisible(), true);
    assert.is(await sidewaysScroll(page), 0);
    assert.equal(await axeViolations(page), []);
    assert.equal(errors, []);
    await close();
  });

  test(`the home page at ${width} px: 5 news and 5 abstracts, linked by their number; search labelled`, async () => {
    const { page, errors, close } = await openList("/", width);
    assert.is(await page.locator("#latest-news ~ ol > li").count(), 5);
    assert.equal(await page.locator("#latest-news ~ ol > li").first().locator(".translations").allTextContents(), [
      "Also in: Español",
    ]);
    assert.is(await page.locator("#latest-news ~ p a").first().textContent(), "All 13 news items");
    assert.is(await page.locator("#latest-conference ~ ul > li").count(), 5);
    assert.is(
      await page.locator("#latest-conference ~ p a").textContent(),
      "All 13 abstracts of the 18th European Regional Conference",
    );
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    assert.ok(height < (width === 375 ? 2100 : 1700), `${height}px tall`);
    const label = page.locator('label[for="site-search-q"]');
    // Shown, not only there for screen readers (a visually hidden label is 1 px wide).
    assert.ok((await label.evaluate((node) => node.getBoundingClientRect().width)) > 40);
    // "Search" shows; " the archive" completes its name for screen readers.
    assert.is(await label.textContent(), "Search the archive");
    assert.is(await label.locator(".visually-hidden").textContent(), " the archive");
    await page.getByRole("searchbox", { name: "Search the archive" }).fill("cooperation");
    // Label, box and button on one row.
    const centres = await page
      .locator(".site-search > *")
      .evaluateAll((nodes) =>
        nodes.map((node) => Math.round(node.getBoundingClientRect().top + node.getBoundingClientRect().height / 2)),
      );
    assert.is(new Set(centres).size, 1, centres.join(", "));
    assert.is(await sidewaysScroll(page), 0);
    assert.equal(await axeViolations(page), []);
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/\/search\/\?q=cooperation$/);
    assert.equal(errors, []);
    await close();
  });

  test(`a count stays with its word at ${width} px; the news list counts one entry a story`, async () => {
    const { page, close } = await openList("/news/", width);
    assert.is(
      await page.locator("main > .meta").textContent(),
      "13 news items, newest first. Browse by year or topic.",
    );
    assert.is(await page.locator(".item-summary").count(), 13);
    await page.goto(`${lists.url}/conferences/`);
    const counts = await page
      .locator(".count")
      .evaluateAll((nodes) => nodes.map((node) => [node.textContent, node.getClientRects().length]));
    assert.ok(counts.length > 0);
    assert.ok(
      counts.every(([, lines]) => lines === 1),
      JSON.stringify(counts),
    );
    await close();
  });
}

test.run();
