import { test } from "uvu";
import * as assert from "uvu/assert";
import { yearChartSvg, yearCounts } from "../../../scripts/lib/views/years.ts";

test("every year with content, newest first; a year with none gets no row", () => {
  assert.equal(yearCounts([{ year: 2020 }, { year: 2020 }, { year: 2023 }], [{ year: 2022 }]), [
    { year: 2023, news: 1, abstracts: 0 },
    { year: 2022, news: 0, abstracts: 1 },
    { year: 2020, news: 2, abstracts: 0 },
  ]);
  assert.equal(yearCounts([], []), []);
});

test("the chart draws a stacked bar per year, oldest left, scaled to the largest year", () => {
  const svg = yearChartSvg(
    [
      { year: 2021, news: 1, abstracts: 1 },
      { year: 2020, news: 4, abstracts: 0 },
    ],
    { barWidth: 10, gap: 2, height: 100 },
  );
  assert.match(svg, 'viewBox="0 0 46 116"');
  assert.match(svg, '<title>2020: 4 news, 0 abstracts</title><rect class="bar-news" x="12" y="0" width="10" height="100"/>');
  assert.match(svg, '<rect class="bar-news" x="24" y="75" width="10" height="25"/><rect class="bar-abstracts" x="24" y="50" width="10" height="25"/>');
  assert.match(svg, 'aria-hidden="true"');
  assert.not.match(svg, "style=");
});

test("year labels never touch: with two neighbouring years only the newest is labelled, with many every other year (issue 17)", () => {
  const labels = (svg: string) => [...svg.matchAll(/<text x="([\d.]+)"[^>]*>(\d{4})<\/text>/g)].map((match) => `${match[2]}@${match[1]}`);
  const years = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => ({ year: from + index, news: 1, abstracts: 0 }));
  assert.equal(labels(yearChartSvg(years(2022, 2023))), ["2023@37"]);
  assert.equal(labels(yearChartSvg(years(2018, 2023))), ["2019@37", "2021@73", "2023@109"]);
});

test.run();
