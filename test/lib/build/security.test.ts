import { test } from "uvu";
import * as assert from "uvu/assert";
import { fingerprintedName } from "../../../scripts/lib/build/assets.ts";
import { headersFile, pagePolicy, searchPolicy } from "../../../scripts/lib/build/security.ts";

test("pages allow only the site's own scripts; the search page adds what Pagefind needs", () => {
  assert.match(pagePolicy, "script-src 'self';");
  assert.not.match(pagePolicy, "unsafe");
  assert.match(searchPolicy, "script-src 'self' 'wasm-unsafe-eval'");
  assert.match(searchPolicy, "worker-src 'self' blob:");
  assert.not.match(searchPolicy, "unsafe-inline");
});

test("_headers: security headers on every path, long caching only for fingerprinted files, under the base path", () => {
  const file = headersFile("/archive/");
  const rules = file.split(/\n(?=\/)/);
  assert.is(rules[0]?.split("\n")[0], "/archive/*");
  assert.match(rules[0] ?? "", `Content-Security-Policy: ${searchPolicy}; frame-ancestors 'none'`);
  assert.match(rules[0] ?? "", "X-Content-Type-Options: nosniff");
  assert.not.match(rules[0] ?? "", "Cache-Control");
  assert.match(file, "/archive/assets/*\n  Cache-Control: public, max-age=31536000, immutable");
  assert.match(file, "/archive/pagefind/pagefind-entry.json\n  Cache-Control: no-cache");
  assert.match(file, "/archive/sw.js\n  Cache-Control: no-cache");
});

test("fingerprinted names change with the content", () => {
  const a = fingerprintedName("site.css", new TextEncoder().encode("a"));
  assert.is(a, "site.ca978112ca.css");
  assert.is.not(fingerprintedName("site.css", new TextEncoder().encode("b")), a);
});

test.run();
