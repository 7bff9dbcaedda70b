/**
 * `npm run serve -- <site>`: serves a built site as a static host would (gzip, its 404 page for
 * unknown paths), to try a build or a snapshot over http before deploying it.
 *
 *   npm run serve -- _site [--port 8080] [--base-path /archive/]
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { serveSite } from "./lib/util/static-server.ts";
import { normaliseBasePath } from "./lib/model/urls.ts";
import { runCommand } from "./lib/util/cli.ts";
import { printable } from "./lib/util/error-message.ts";

const usage = "usage: npm run serve -- <site folder> [--port 8080] [--base-path /archive/]";

let site: string;
let port: number;
let basePath: string;
try {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: { port: { type: "string", default: "8080" }, "base-path": { type: "string", default: "/" } },
  });
  if (positionals.length !== 1) throw new TypeError("name one site folder, e.g. _site");
  if (!/^\d+$/.test(values.port)) throw new TypeError(`--port must be a number, got "${values.port}"`);
  site = path.resolve(positionals[0] ?? "");
  port = Number(values.port);
  basePath = normaliseBasePath(values["base-path"]);
} catch (error) {
  console.error(`serve: ${printable(error instanceof Error ? error.message : String(error))}\n${usage}`);
  process.exit(2);
}

await runCommand("serve", async () => {
  const server = await serveSite(site, { port, basePath, notFoundPage: "404.html" });
  console.log(`serving ${printable(path.relative(process.cwd(), site) || ".")} at http://localhost:${port}${basePath} (Ctrl+C stops)`);
  process.once("SIGINT", () => void server.close().then(() => process.exit(0)));
});
