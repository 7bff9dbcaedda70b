import { test } from "uvu";
import * as assert from "uvu/assert";
import { isValidSlug, slugFromFileName, slugifyText } from "../../../scripts/lib/content/slugs.ts";

test("slugFromFileName keeps an already clean file name", () => {
  assert.is(slugFromFileName("iap-signed-mou-with-aiamp.md"), "iap-signed-mou-with-aiamp");
});

test("slugFromFileName transliterates accents, NFC and NFD alike", () => {
  const nfc = "N\u00fa\u00f1ez.md";
  const nfd = "Nu\u0301n\u0303ez.md";
  assert.is.not(nfc, nfd);
  assert.is(slugFromFileName(nfc), "nunez");
  assert.is(slugFromFileName(nfd), "nunez");
  // The brief's decomposed spelling (tilde on both letters) gives the same slug too.
  assert.is(slugFromFileName("Nu\u0303n\u0303ez.md"), "nunez");
  assert.is(slugFromFileName("Nunez.md"), "nunez");
});

test("slugFromFileName gives an empty slug for names with nothing to transliterate", () => {
  assert.is(slugFromFileName("会议.md"), "");
  assert.is(slugFromFileName("!!!.md"), "");
  assert.is(slugFromFileName(".md"), "");
});

test("slugFromFileName lowercases, and turns spaces, underscores and symbols into single hyphens", () => {
  assert.is(slugFromFileName("Hello World.md"), "hello-world");
  assert.is(slugFromFileName("foo_bar.md"), "foo-bar");
  assert.is(slugFromFileName("a--b.md"), "a-b");
  assert.is(slugFromFileName("-lead-.md"), "lead");
  assert.is(slugFromFileName("2023 report.md"), "2023-report");
  assert.is(slugFromFileName("Crème brûlée & Co.md"), "creme-brulee-and-co");
  assert.is(slugFromFileName("Straße.md"), "strasse");
});

test("slugFromFileName strips only the final .md, in any case, and does not split camel case", () => {
  assert.is(slugFromFileName("Hello World.MD"), "hello-world");
  assert.is(slugFromFileName("x.md.md"), "x-md");
  assert.is(slugFromFileName("IAPSignsMoU.md"), "iapsignsmou");
});

test("isValidSlug accepts lowercase letters, digits and single inner hyphens", () => {
  assert.is(isValidSlug("a"), true);
  assert.is(isValidSlug("123"), true);
  assert.is(isValidSlug("a1"), true);
  assert.is(isValidSlug("iap-signs-mou"), true);
  assert.is(isValidSlug("nunez"), true);
});

test("isValidSlug rejects empty, uppercase, non-ASCII, underscores and stray hyphens", () => {
  assert.is(isValidSlug(""), false);
  assert.is(isValidSlug("A"), false);
  assert.is(isValidSlug("Iap-news"), false);
  assert.is(isValidSlug("über"), false);
  assert.is(isValidSlug("a_b"), false);
  assert.is(isValidSlug("a b"), false);
  assert.is(isValidSlug("a--b"), false);
  assert.is(isValidSlug("-a"), false);
  assert.is(isValidSlug("a-"), false);
  assert.is(isValidSlug("a/b"), false);
});

test("every non-empty slugFromFileName result is a valid slug", () => {
  for (const name of [
    "iap-signed-mou-with-aiamp.md",
    "Núñez.md",
    "Hello World.MD",
    "Crème brûlée & Co.md",
    "-lead-.md",
  ]) {
    assert.is(isValidSlug(slugFromFileName(name)), true, name);
  }
  assert.is(isValidSlug(slugFromFileName("会议.md")), false);
});

test("slugifyText slugs names, NFC and NFD alike", () => {
  assert.is(slugifyText("Juan Bautista Mahiques"), "juan-bautista-mahiques");
  assert.is(slugifyText("Ana N\u00fa\u00f1ez"), "ana-nunez");
  assert.is(slugifyText("Ana Nu\u0301n\u0303ez"), "ana-nunez");
});

test("slugifyText cuts a long name's slug at a hyphen, to at most 100 characters (a folder name)", () => {
  const name = Array.from({ length: 30 }, (_, index) => `word${index}`).join(" ");
  const slug = slugifyText(name);
  // word0 … word14 is 94 characters; with "-word15" it would be 101.
  assert.is(slug, Array.from({ length: 15 }, (_, index) => `word${index}`).join("-"));
  assert.is(slug.length, 94);
  assert.is(slugifyText("x".repeat(150)), "x".repeat(100));
  assert.is(slugifyText("a b c", 3), "a-b");
});

test.run();
