import { test } from "uvu";
import * as assert from "uvu/assert";
import { preferredSpelling, speakerKey, speakerSlugs } from "../../../scripts/lib/content/speakers.ts";

test("one key for one person written with or without accents, in any case or spacing", () => {
  assert.is(speakerKey("Juan Bautista Mahiques"), "juan bautista mahiques");
  assert.is(speakerKey("JUAN BAUTISTA MAHIQUES"), "juan bautista mahiques");
  assert.is(speakerKey("  Juan  Bautista\tMahiques "), "juan bautista mahiques");
  assert.is(speakerKey("José Núñez"), "jose nunez");
  assert.is(speakerKey("Jose\u0301 Nu\u0301n\u0303ez"), "jose nunez");
});

test("different names never share a key", () => {
  assert.is.not(speakerKey("Ana Núñez"), speakerKey("Ana Nunes"));
  assert.is.not(speakerKey("Juan Mahiques"), speakerKey("Juan Bautista Mahiques"));
});

test("the shown spelling: most used, then not all capitals, then with accents", () => {
  assert.is(preferredSpelling(["MAHIQUES", "Mahiques", "Mahiques"]), "Mahiques");
  assert.is(preferredSpelling(["JOSÉ NÚÑEZ", "Jose Nunez"]), "Jose Nunez");
  assert.is(preferredSpelling(["Jose Nunez", "José Núñez"]), "José Núñez");
  assert.is(preferredSpelling(["B Name", "A Name"]), "A Name");
});

test("speaker slugs are unique even when two keys slug alike", () => {
  const slugs = speakerSlugs(["søren berg", "soren berg", "ana lima"]);
  assert.equal(
    [...slugs.entries()],
    [
      ["ana lima", "ana-lima"],
      ["soren berg", "soren-berg"],
      ["søren berg", "soren-berg-2"],
    ],
  );
});

test.run();
