/**
 * The Content-Security-Policy of the archive's pages, and the `_headers` file that hosts such as
 * Netlify and Cloudflare Pages read. Pages load only the site's own files; no inline scripts or
 * styles anywhere (JSON-LD blocks are data, not scripts). Only the search page may compile
 * WebAssembly and start workers, which Pagefind needs (pagefind.app/docs/search-config/#csp).
 */
import { assetsFolder, serviceWorkerPath } from "../model/outputs.ts";
import {
  bundleFolder,
  chunkFolders,
  indexEntryFile,
  metaSuffix,
  scriptFile,
  wasmFilePrefix,
  workerFile,
} from "../../../src/assets/shared/pagefind-internals.ts";

const common = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
];

/** For every page but the search page: scripts from the site only (the service worker's registration). */
export const pagePolicy = [...common, "script-src 'self'", "worker-src 'self'"].join("; ");

/** The search page: Pagefind compiles its WebAssembly and may run its search in a worker. */
export const searchPolicy = [...common, "script-src 'self' 'wasm-unsafe-eval'", "worker-src 'self' blob:"].join("; ");

/**
 * `_headers` for Netlify and Cloudflare Pages. Headers of every matching rule are combined, so
 * the rules never overlap on one header: the CSP header is the search page's (a page's own
 * stricter `<meta>` policy still applies on top of it) plus `frame-ancestors`, which a `<meta>`
 * policy cannot carry; cache lifetimes are set only on paths with one lifetime.
 */
export function headersFile(basePath: string): string {
  const at = (path: string) => `${basePath}${path.replace(/^\//, "")}`;
  const immutable = "Cache-Control: public, max-age=31536000, immutable";
  const revalidate = "Cache-Control: no-cache";
  const rules: [string, string[]][] = [
    [
      at("/*"),
      [
        `Content-Security-Policy: ${searchPolicy}; frame-ancestors 'none'`,
        "X-Content-Type-Options: nosniff",
        "Referrer-Policy: strict-origin-when-cross-origin",
        "X-Frame-Options: DENY",
        "Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()",
      ],
    ],
    // Fingerprinted: a new build writes new names.
    [at(`/${assetsFolder}/*`), [immutable]],
    ...chunkFolders.map((folder): [string, string[]] => [at(`/${bundleFolder}/${folder}/*`), [immutable]]),
    [at(`/${bundleFolder}/*${metaSuffix}`), [immutable]],
    // Fixed names whose content changes with every build.
    ...[scriptFile, indexEntryFile, workerFile, `${wasmFilePrefix}*`].map((file): [string, string[]] => [
      at(`/${bundleFolder}/${file}`),
      [revalidate],
    ]),
    [at(serviceWorkerPath), [revalidate]],
  ];
  const blocks = rules.map(([path, headers]) => `${path}\n${headers.map((header) => `  ${header}`).join("\n")}`);
  return `${blocks.join("\n")}\n`;
}
