import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  isKnownLanguage,
  languageAutonym,
  languageName,
  ogLocale,
  tagForName,
} from "../../../scripts/lib/content/languages.ts";

test("isKnownLanguage accepts tags a browser can name, in their canonical case", () => {
  for (const tag of ["en", "es", "fr", "pt-BR", "es-419", "zh-Hant", "ar"]) assert.ok(isKnownLanguage(tag), tag);
  for (const tag of ["xx", "spanish", "EN", "pt-br", "qaa", "", "es_ES", "e"]) assert.not.ok(isKnownLanguage(tag), tag);
});

test("languages are named in their own language for readers, in English for messages", () => {
  assert.is(languageAutonym("es"), "Español");
  assert.is(languageAutonym("fr"), "Français");
  assert.is(languageAutonym("pt-BR"), "Português (Brasil)");
  assert.is(languageName("es"), "Spanish");
});

test("a language written out is matched to its tag, for did-you-mean", () => {
  assert.is(tagForName("Spanish"), "es");
  assert.is(tagForName("french"), "fr");
  assert.is(tagForName("Klingonese"), undefined);
});

test("ogLocale writes a region with an underscore", () => {
  assert.is(ogLocale("pt-BR"), "pt_BR");
  assert.is(ogLocale("es"), "es");
});

test.run();
