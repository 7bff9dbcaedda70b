/** The data files of _data/ checked against their schemas: scripts/lib/content/data.ts. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { checkedData, site } from "../../../scripts/lib/content/data.ts";
import { ContentError } from "../../../scripts/lib/content/problems.ts";
import { siteSchema, topicSchema } from "../../../scripts/lib/content/schema.ts";

test("the site's data file passes its schema as it is", () => {
  assert.is(site.language, "en");
  assert.equal(checkedData("site", siteSchema, { ...site }), site);
});

test("a wrong value fails with the data file and the field", () => {
  const error = (() => {
    try {
      checkedData("topics", topicSchema.array(), [{ id: "cybercrime", label: 7, description: "x" }]);
    } catch (caught) {
      return caught;
    }
  })();
  assert.instance(error, ContentError);
  assert.equal((error as ContentError).problems, [
    { file: "_data/topics.ts", field: "[0].label", message: "must be a short label" },
  ]);
});

test.run();
