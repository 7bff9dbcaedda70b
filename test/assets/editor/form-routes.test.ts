/**
 * Which moves between the editor's forms reload the page (src/assets/editor/form-routes.ts); the browser side is in
 * test/browser/editor.test.ts.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { formRoute, needsFreshForm } from "../../../src/assets/editor/form-routes.ts";

const newNews = formRoute("#/collections/news/new");
const newAbstract = formRoute("#/collections/abstracts/new");
const alpha = formRoute("#/collections/news/entries/2023/alpha/index");
const beta = formRoute("#/collections/news/entries/2023/beta/index");

test("Decap's form routes: a collection's new item and its entries; every other route is none", () => {
  assert.equal(newNews, { collection: "news", entry: undefined });
  assert.equal(formRoute("#/collections/news/new?ref=workflow"), { collection: "news", entry: undefined });
  assert.equal(alpha, { collection: "news", entry: "2023/alpha/index" });
  assert.is(formRoute("#/collections/news"), undefined);
  assert.is(formRoute("#/collections/news/filter/2023"), undefined);
  assert.is(formRoute("#/search/mou"), undefined);
  assert.is(formRoute(""), undefined);
});

test("moving between two collections' forms, either way, needs a fresh page", () => {
  assert.is(needsFreshForm(newNews, newAbstract, false), true);
  assert.is(needsFreshForm(newAbstract, newNews, false), true);
  assert.is(needsFreshForm(alpha, newAbstract, true), true);
});

test("another entry of the same collection needs a fresh page, unless it is the new item just saved", () => {
  assert.is(needsFreshForm(alpha, beta, false), true);
  assert.is(needsFreshForm(newNews, alpha, false), true);
  assert.is(needsFreshForm(newNews, alpha, true), false);
  assert.is(needsFreshForm(alpha, beta, true), true);
});

test("Decap's own moves keep the page: to a new item of the same collection, into or out of a form", () => {
  assert.is(needsFreshForm(alpha, newNews, false), false);
  assert.is(needsFreshForm(alpha, alpha, false), false);
  assert.is(needsFreshForm(undefined, newAbstract, false), false);
  assert.is(needsFreshForm(newNews, formRoute("#/collections/abstracts"), false), false);
});

test.run();
