import { test } from "uvu";
import * as assert from "uvu/assert";
import { formatBytes, formatMs } from "../../../scripts/lib/util/format.ts";

test("formatBytes uses decimal units", () => {
  assert.equal([512, 8_400, 830_000, 14_250_000].map(formatBytes), ["512 B", "8 kB", "830 kB", "14.3 MB"]);
});

test("formatMs gives milliseconds below a second, seconds with two decimals from one on", () => {
  assert.equal([0.4, 412.6, 999.4, 1000, 21_634].map(formatMs), ["0 ms", "413 ms", "999 ms", "1.00 s", "21.63 s"]);
});

test.run();
