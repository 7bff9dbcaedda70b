/** The index a snapshot searches from disk (scripts/lib/snapshot/disk-index.ts). */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { rmSync } from "node:fs";
import { conferences, site, topics } from "../../../scripts/lib/content/data.ts";
import { readContent } from "../../../scripts/lib/content/load.ts";
import { Archive } from "../../../scripts/lib/model/archive.ts";
import { diskIndex, diskIndexScript } from "../../../scripts/lib/snapshot/disk-index.ts";
import { newsFile, writeContent } from "../../support/site.ts";

test("search-index.js is one assignment of the index, as JSON", () => {
  assert.is(diskIndexScript({ version: 1, pages: [] }), 'window.archiveSearchIndex = {"version":1,"pages":[]};\n');
});

test("each page's filters: the facets of shared/facets.ts in order, as templates index them, then the story", () => {
  const speaker = "speakers:\n  - name: Ana Pérez\n    role: Prosecutor";
  const contentDir = writeContent({
    "news/2023/mou.md": newsFile({ title: "MoU signed", date: "2023-11-14", tags: "[training]" }),
    "news/2023/mou-es.md": newsFile({
      title: "MoU firmado",
      date: "2023-11-14",
      lang: "es",
      translationOf: "/news/2023/mou/",
    }),
    "abstracts/annual-27/talk.md": newsFile({
      conference: "annual-27",
      session: "Opening",
      title: "A talk",
      [speaker]: "",
    }).replace(`${speaker}: `, speaker),
    "abstracts/annual-27/tagged.md": newsFile({
      conference: "annual-27",
      session: "Opening",
      title: "A tagged talk",
      tags: "[training]",
      [speaker]: "",
    }).replace(`${speaker}: `, speaker),
  });
  const { content, problems } = readContent({ contentDir, site, topics, conferences });
  rmSync(contentDir, { recursive: true });
  assert.equal(problems, []);
  const filters = Object.fromEntries(
    diskIndex(new Archive({ content, site, topics, conferences })).pages.map((page) => [page.url, page.filters]),
  );
  const story = { story: ["/news/2023/mou-es/"] };
  assert.equal(filters["news/2023/mou/index.html"], {
    type: ["News"],
    year: ["2023"],
    topic: ["Training"],
    lang: ["English"],
    ...story,
  });
  assert.equal(filters["news/2023/mou-es/index.html"], {
    type: ["News"],
    year: ["2023"],
    topic: [],
    lang: ["Español"],
    ...story,
  });
  const conference = "IAP 27th Annual Conference & General Meeting";
  assert.equal(filters["abstracts/annual-27/talk/index.html"], {
    type: ["Abstract"],
    year: ["2022"],
    conference: [conference],
    speaker: ["Ana Pérez"],
    lang: ["English"],
  });
  // An abstract's topics are indexed as abstract.njk's markup gives them.
  assert.equal(filters["abstracts/annual-27/tagged/index.html"], {
    type: ["Abstract"],
    year: ["2022"],
    topic: ["Training"],
    conference: [conference],
    speaker: ["Ana Pérez"],
    lang: ["English"],
  });
});

test.run();
