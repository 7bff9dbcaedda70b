/** Real Chromium (scripts/lib/util/browser.ts) and a static file server, for the browser tests. */
import type { Locator, Page } from "playwright-core";
import { serveSite } from "../../scripts/lib/util/static-server.ts";

export { launchBrowser } from "../../scripts/lib/util/browser.ts";

/** Collects console errors and uncaught exceptions of a page: tests assert the list is empty. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

/**
 * Serves `dir` on a free localhost port with the project's static server, as a plain host would:
 * /x/ serves /x/index.html. With `basePath` ("/archive/") the folder is served under it and
 * everything else is a 404. `url` is the base URL without the slash; `requested` lists the path of
 * every request, in the order they came, for tests that count them.
 */
export async function serveStatic(
  dir: string,
  { basePath = "/" } = {},
): Promise<{ url: string; requested: string[]; close(): Promise<void> }> {
  const server = await serveSite(dir, { basePath });
  return {
    url: `${server.url}${basePath.replace(/\/$/, "")}`,
    requested: server.requested,
    close: () => server.close(),
  };
}

/**
 * Waits until an image has loaded or failed (a failed one then fails the test's assertions on its
 * size, rather than waiting forever for a load that never comes).
 */
export async function imageSettled(image: Locator): Promise<void> {
  await image.evaluate(
    (element: HTMLImageElement) =>
      element.complete ||
      new Promise((resolve) => {
        element.addEventListener("load", resolve, { once: true });
        element.addEventListener("error", resolve, { once: true });
      }),
    undefined,
  );
}
