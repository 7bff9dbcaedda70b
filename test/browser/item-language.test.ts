/**
 * Issue 33 in real Chromium: a Spanish item's page, its words in Spanish and its headings in order,
 * passes axe (heading-order included) on a phone and a desktop.
 */
import axe from "axe-core";
import { cpSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { collectErrors, launchBrowser, serveStatic } from "../support/browser.ts";
import { buildSite, newsFile, repoRoot, tempDir } from "../support/site.ts";

// The sample content, and a Spanish item whose body's top heading is a "##".
const content = tempDir("content-");
for (const folder of ["news", "abstracts"])
  cpSync(path.join(repoRoot, "src", folder), path.join(content, folder), { recursive: true });
writeFileSync(
  path.join(content, "news/2023/antecedentes.md"),
  newsFile(
    {
      title: "Antecedentes del memorando",
      date: "2023-11-20",
      lang: "es",
      summary: "La historia del **memorando**.",
      tags: "[training]",
    },
    "El texto.\n\n## Antecedentes\n\nMás texto.\n\n#### Detalles\n\nY más.\n",
  ),
);
const site = await buildSite(content, { validateHtml: "sample" });
const server = await serveStatic(site.outDir);
const browser: Browser = await launchBrowser();

test.after(async () => {
  await browser.close();
  await server.close();
});

/** axe's violations on a page, and whether it checked the heading order there (not just found no headings). */
async function axeAt(
  url: string,
  width: number,
): Promise<{
  violations: string[];
  headingOrderChecked: boolean;
  headings: string[];
  main: string | null;
  errors: string[];
}> {
  // The page's CSP (rightly) refuses an injected inline script: only this context bypasses it, to load axe.
  const context = await browser.newContext({ bypassCSP: true, viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${server.url}${url}`);
  await page.addScriptTag({ content: axe.source });
  const result = await page.evaluate(async () => {
    const found = await (window as unknown as { axe: typeof axe }).axe.run(document);
    return {
      violations: found.violations.map((violation) => violation.id),
      headingOrderChecked: found.passes.some((rule) => rule.id === "heading-order"),
    };
  });
  const headings = await page
    .locator("main :is(h1, h2, h3, h4, h5, h6)")
    .evaluateAll((elements) => elements.map((element) => `${element.tagName} ${element.textContent?.trim()}`));
  const main = await page.locator("main").getAttribute("lang");
  await context.close();
  return { ...result, headings, main, errors };
}

for (const width of [375, 1280]) {
  test(`the sample's Spanish item at ${width} px: Spanish words, lang="es" on <main>, no axe violation`, async () => {
    const result = await axeAt("/news/2023/la-iap-firmo-un-memorando-con-la-aiamp/", width);
    assert.equal(result, {
      violations: [],
      headingOrderChecked: true,
      headings: [
        "H1 La IAP firmó un memorando de entendimiento con la AIAMP",
        "H2 Temas",
        "H2 Cómo citar",
        "H2 Noticias relacionadas",
      ],
      main: "es",
      errors: [],
    });
  });

  test(`a Spanish item with '##' headings at ${width} px: <h2>, then <h3> for its '####', no violation`, async () => {
    const result = await axeAt("/news/2023/antecedentes/", width);
    assert.equal(result, {
      violations: [],
      headingOrderChecked: true,
      headings: [
        "H1 Antecedentes del memorando",
        "H2 Antecedentes",
        "H3 Detalles",
        "H2 Temas",
        "H2 Cómo citar",
        "H2 Noticias relacionadas",
      ],
      main: "es",
      errors: [],
    });
  });
}

test.run();
