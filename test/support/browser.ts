/** Real Chromium (scripts/lib/util/browser.ts) and a static file server, for the browser tests. */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Locator, Page } from "playwright-core";

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

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".svg": "image/svg+xml",
  ".avif": "image/avif",
  ".webp": "image/webp",
  ".jpeg": "image/jpeg",
  ".jpg": "image/jpeg",
  ".pdf": "application/pdf",
  ".wasm": "application/wasm",
};

/**
 * Serves `dir` on a free localhost port, like a plain static host: /x/ serves /x/index.html.
 * With `basePath` ("/archive/") the folder is served under it and everything else is a 404, as on
 * a host where the archive is one folder of a bigger site. `url` is the base URL without the slash;
 * `requested` lists the path of every request, in the order they came, for tests that count them.
 */
export async function serveStatic(dir: string, { basePath = "/" } = {}): Promise<{ url: string; requested: string[]; close(): Promise<void> }> {
  const requested: string[] = [];
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    requested.push(pathname);
    if (!pathname.startsWith(basePath)) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    let file = path.join(dir, path.normalize(`/${pathname.slice(basePath.length)}`));
    if (!file.startsWith(dir)) file = dir;
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!existsSync(file)) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    response.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${basePath.replace(/\/$/, "")}`,
    requested,
    close: () => closeServer(server),
  };
}

/** Stops a test server at once: the browser's keep-alive connections would hold `close()` open. */
export function closeServer(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  return closed;
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
