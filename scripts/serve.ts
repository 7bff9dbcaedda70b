/**
 * `npm run serve -- <site>`: serves a built site as a static host would (gzip, its 404 page for
 * unknown paths), to try a build or a snapshot over http before deploying it. It listens on
 * 127.0.0.1 only, unless `--host` opens it to the network.
 *
 *   npm run serve -- _site [--port 8080] [--base-path /archive/] [--host 0.0.0.0]
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { serveSite } from "./lib/util/static-server.ts";
import { normaliseBasePath } from "./lib/model/urls.ts";
import { optionsOrUsage, runCommand } from "./lib/util/cli.ts";
import { errorMessage } from "./lib/util/error-message.ts";
import { localUrl, loopback, networkWarning } from "./lib/util/listen-address.ts";
import { displayPath } from "./lib/util/paths.ts";

const usage = "usage: npm run serve -- <site folder> [--port 8080] [--base-path /archive/] [--host 127.0.0.1]";

const { site, port, basePath, host } = optionsOrUsage("serve", usage, () => {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: {
      port: { type: "string", default: "8080" },
      "base-path": { type: "string", default: "/" },
      host: { type: "string", default: loopback },
    },
  });
  if (positionals.length !== 1) throw new TypeError("name one site folder, e.g. _site");
  if (!/^\d+$/.test(values.port)) throw new TypeError(`--port must be a number, got "${values.port}"`);
  if (values.host === "") throw new TypeError("--host must be an address, e.g. 127.0.0.1 or 0.0.0.0");
  return {
    site: path.resolve(positionals[0] ?? ""),
    port: Number(values.port),
    basePath: normaliseBasePath(values["base-path"]),
    host: values.host,
  };
});

await runCommand("serve", async () => {
  const server = await serveSite(site, { port, basePath, host, notFoundPage: "404.html" }).catch((error: unknown) => {
    console.error(`serve: cannot listen on ${host} port ${port}: ${errorMessage(error)}`);
    process.exit(1);
  });
  const warning = networkWarning(host, `every file in ${displayPath(site)}`);
  if (warning) console.log(warning);
  console.log(
    `serving ${displayPath(site)} at ${localUrl(host, Number(new URL(server.url).port))}${basePath} (Ctrl+C stops)`,
  );
  process.once("SIGINT", () => void server.close().then(() => process.exit(0)));
});
