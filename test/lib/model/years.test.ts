import { test } from "uvu";
import * as assert from "uvu/assert";
import { yearChart, yearCounts } from "../../../scripts/lib/model/years.ts";

test("every year with content, newest first; a year with none gets no row", () => {
  assert.equal(yearCounts([{ year: 2020 }, { year: 2020 }, { year: 2023 }], [{ year: 2022 }]), [
    { year: 2023, news: 1, abstracts: 0 },
    { year: 2022, news: 0, abstracts: 1 },
    { year: 2020, news: 2, abstracts: 0 },
  ]);
  assert.equal(yearCounts([], []), []);
});

test("the chart's numbers: a stacked bar per year, newest first, scaled to the largest year, news at bottom", () => {
  const chart = yearChart(
    [
      { year: 2021, news: 1, abstracts: 1 },
      { year: 2020, news: 4, abstracts: 0 },
    ],
    undefined,
    { barWidth: 10, height: 100 },
  );
  assert.equal(chart, {
    bars: [
      {
        year: 2021,
        news: 1,
        abstracts: 1,
        newsHeight: 25,
        newsTop: 75,
        abstractsHeight: 25,
        abstractsTop: 50,
        current: false,
      },
      {
        year: 2020,
        news: 4,
        abstracts: 0,
        newsHeight: 100,
        newsTop: 0,
        abstractsHeight: 0,
        abstractsTop: 0,
        current: false,
      },
    ],
    barWidth: 10,
    height: 100,
  });
});

test("heights in tenths; a year page's chart marks its year", () => {
  const chart = yearChart(
    [
      { year: 2024, news: 1, abstracts: 0 },
      { year: 2023, news: 2, abstracts: 1 },
    ],
    2023,
  );
  assert.equal(
    chart.bars.map((bar) => [
      bar.year,
      bar.newsTop,
      bar.newsHeight,
      bar.abstractsTop,
      bar.abstractsHeight,
      bar.current,
    ]),
    [
      [2024, 80, 40, 80, 0, false],
      [2023, 40, 80, 0, 40, true],
    ],
  );
});

test.run();
