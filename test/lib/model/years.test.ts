import { test } from "uvu";
import * as assert from "uvu/assert";
import { yearChartHtml, yearCounts } from "../../../scripts/lib/model/years.ts";

test("every year with content, newest first; a year with none gets no row", () => {
  assert.equal(yearCounts([{ year: 2020 }, { year: 2020 }, { year: 2023 }], [{ year: 2022 }]), [
    { year: 2023, news: 1, abstracts: 0 },
    { year: 2022, news: 0, abstracts: 1 },
    { year: 2020, news: 2, abstracts: 0 },
  ]);
  assert.equal(yearCounts([], []), []);
});

test("the chart draws a stacked bar per year, oldest left, scaled to the largest year", () => {
  const html = yearChartHtml(
    [
      { year: 2021, news: 1, abstracts: 1 },
      { year: 2020, news: 4, abstracts: 0 },
    ],
    { barWidth: 10, height: 100 },
  );
  assert.is(
    html,
    '<ol class="year-chart" aria-hidden="true">' +
      '<li title="2020: 4 news, 0 abstracts"><svg viewBox="0 0 10 100" width="10" height="100" focusable="false">' +
      '<rect class="bar-news" x="0" y="0" width="10" height="100"/><rect class="bar-abstracts" x="0" y="0" width="10" height="0"/></svg>' +
      '<span class="year-label"></span></li>' +
      '<li title="2021: 1 news, 1 abstracts"><svg viewBox="0 0 10 100" width="10" height="100" focusable="false">' +
      '<rect class="bar-news" x="0" y="75" width="10" height="25"/><rect class="bar-abstracts" x="0" y="50" width="10" height="25"/></svg>' +
      '<span class="year-label">2021</span></li></ol>',
  );
});

test("year labels never touch: with two neighbouring years only the newest is labelled, with many every other year (issue 17)", () => {
  const labels = (html: string) => [...html.matchAll(/<span class="year-label">(\d*)<\/span>/g)].map((match) => match[1]);
  const years = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => ({ year: from + index, news: 1, abstracts: 0 }));
  assert.equal(labels(yearChartHtml(years(2022, 2023))), ["", "2023"]);
  assert.equal(labels(yearChartHtml(years(2018, 2023))), ["", "2019", "", "2021", "", "2023"]);
});

test.run();
