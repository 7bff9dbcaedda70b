import { test } from "uvu";
import * as assert from "uvu/assert";
import { absoluteUrl, basePathOf, normaliseBasePath, siteRoot } from "../../../scripts/lib/model/urls.ts";

test("base paths are normalised to /folder/", () => {
  assert.is(normaliseBasePath("/"), "/");
  assert.is(normaliseBasePath(""), "/");
  assert.is(normaliseBasePath("archive"), "/archive/");
  assert.is(normaliseBasePath("/archive"), "/archive/");
  assert.is(normaliseBasePath("/a/b/"), "/a/b/");
  assert.throws(() => normaliseBasePath("/../x/"), /must be a plain path/);
  assert.throws(() => normaliseBasePath("/a b/"), /must be a plain path/);
  assert.throws(() => normaliseBasePath("https://x.org/"), /must be a plain path/);
});

test("the site root joins the site URL's origin and the base path", () => {
  assert.is(siteRoot("https://example.org/", "/archive/"), "https://example.org/archive/");
  assert.is(siteRoot("https://example.org/old/", "/"), "https://example.org/");
  assert.is(basePathOf("https://example.org/archive/"), "/archive/");
  assert.is(basePathOf("https://example.org"), "/");
});

test("absolute URLs keep the base path", () => {
  assert.is(absoluteUrl("/news/2023/x/", "https://example.org/archive/"), "https://example.org/archive/news/2023/x/");
  assert.is(absoluteUrl("/", "https://example.org/archive/"), "https://example.org/archive/");
  assert.is(absoluteUrl("/news/", "https://example.org/"), "https://example.org/news/");
});

test.run();
