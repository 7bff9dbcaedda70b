import { test } from "uvu";
import * as assert from "uvu/assert";
import { pageWindow, paginate } from "../../../scripts/lib/model/pagination.ts";

// --- pageWindow -----------------------------------------------------------------------------

test("pageWindow for a single page", () => {
  assert.equal(pageWindow(1, 1), [{ page: 1 }]);
});

test("pageWindow shows every page when there are few", () => {
  assert.equal(pageWindow(1, 5), [{ page: 1 }, { page: 2 }, { page: 3 }, { page: 4 }, { page: 5 }]);
  assert.equal(pageWindow(1, 2), [{ page: 1 }, { page: 2 }]);
  assert.equal(pageWindow(4, 7), [
    { page: 1 },
    { page: 2 },
    { page: 3 },
    { page: 4 },
    { page: 5 },
    { page: 6 },
    { page: 7 },
  ]);
});

test("pageWindow in the middle: a single missing page is shown, a longer run is a gap", () => {
  assert.equal(pageWindow(5, 10), [
    { page: 1 },
    { page: 2 },
    { page: 3 },
    { page: 4 },
    { page: 5 },
    { page: 6 },
    { page: 7 },
    { gap: true },
    { page: 10 },
  ]);
});

test("pageWindow on the last page", () => {
  assert.equal(pageWindow(10, 10), [{ page: 1 }, { gap: true }, { page: 8 }, { page: 9 }, { page: 10 }]);
});

test("pageWindow for 500 pages stays short", () => {
  assert.equal(pageWindow(1, 500), [{ page: 1 }, { page: 2 }, { page: 3 }, { gap: true }, { page: 500 }]);
  assert.equal(pageWindow(250, 500), [
    { page: 1 },
    { gap: true },
    { page: 248 },
    { page: 249 },
    { page: 250 },
    { page: 251 },
    { page: 252 },
    { gap: true },
    { page: 500 },
  ]);
});

test("pageWindow with another radius", () => {
  assert.equal(pageWindow(5, 10, 0), [{ page: 1 }, { gap: true }, { page: 5 }, { gap: true }, { page: 10 }]);
  assert.equal(pageWindow(5, 10, 1), [
    { page: 1 },
    { gap: true },
    { page: 4 },
    { page: 5 },
    { page: 6 },
    { gap: true },
    { page: 10 },
  ]);
});

// --- paginate -------------------------------------------------------------------------------

test("paginate with no items gives one empty page", () => {
  assert.equal(paginate([], 20, "/x/"), [{ items: [], pageNumber: 0, url: "/x/", hrefs: ["/x/"], href: {} }]);
});

test("paginate 41 items at 20 a page gives 3 pages", () => {
  const items = Array.from({ length: 41 }, (_, index) => index + 1);
  const pages = paginate(items, 20, "/x/");
  const hrefs = ["/x/", "/x/page/2/", "/x/page/3/"];
  assert.is(pages.length, 3);
  assert.equal(
    pages.map((page) => page.url),
    hrefs,
  );
  assert.equal(
    pages.map((page) => page.pageNumber),
    [0, 1, 2],
  );
  assert.equal(pages[0]?.items, items.slice(0, 20));
  assert.equal(pages[1]?.items, items.slice(20, 40));
  assert.equal(pages[2]?.items, [41]);
  for (const page of pages) assert.equal(page.hrefs, hrefs);
});

test("paginate links each page to its neighbours, and only to pages that exist", () => {
  const pages = paginate(
    Array.from({ length: 41 }, (_, index) => index),
    20,
    "/x/",
  );
  assert.equal(
    pages.map((page) => page.href),
    [{ next: "/x/page/2/" }, { previous: "/x/", next: "/x/page/3/" }, { previous: "/x/page/2/" }],
  );
  assert.not.ok("previous" in (pages[0]?.href ?? {}));
  assert.not.ok("next" in (pages[2]?.href ?? {}));
});

test("paginate with an exact multiple of the page size has no empty last page", () => {
  assert.equal(
    paginate([1, 2, 3, 4], 2, "/y/").map((page) => [page.url, page.items]),
    [
      ["/y/", [1, 2]],
      ["/y/page/2/", [3, 4]],
    ],
  );
});

test("paginate does not change the list it is given", () => {
  const items = Object.freeze([3, 1, 2]);
  assert.equal(paginate(items, 2, "/z/")[0]?.items, [3, 1]);
  assert.equal(items, [3, 1, 2]);
});

test.run();
