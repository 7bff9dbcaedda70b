import { test } from "uvu";
import * as assert from "uvu/assert";
import { formatBytes, formatMs } from "../../../scripts/lib/util/format.ts";

test("formatBytes uses decimal units", () => {
  assert.equal(
    [512, 8_400, 830_000, 14_250_000, 1_000_000, 1_234_500_000].map((bytes) => formatBytes(bytes)),
    ["512 B", "8 kB", "830 kB", "14.3 MB", "1.0 MB", "1234.5 MB"],
  );
});

test("formatBytes writes the decimal mark of a language", () => {
  assert.equal(
    [14_250_000, 1_234_500_000].map((bytes) => formatBytes(bytes, "es")),
    ["14,3 MB", "1234,5 MB"],
  );
  assert.is(formatBytes(14_250_000, "fr"), "14,3 MB");
});

test("formatMs gives milliseconds below a second, seconds with two decimals from one on", () => {
  assert.equal([0.4, 412.6, 999.4, 1000, 21_634].map(formatMs), ["0 ms", "413 ms", "999 ms", "1.00 s", "21.63 s"]);
});

test.run();
