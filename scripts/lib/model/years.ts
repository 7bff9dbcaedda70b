/**
 * The archive by year: stories per year, and the numbers the years chart is drawn from
 * (_includes/partials/year-chart.njk).
 */

export interface YearCount {
  year: number;
  news: number;
  abstracts: number;
}

/** Every year with content, newest first: a year with none gets no row (the chart leaves no gap either). */
export function yearCounts(news: readonly { year: number }[], abstracts: readonly { year: number }[]): YearCount[] {
  const counts = new Map<number, YearCount>();
  const count = (year: number) =>
    counts.get(year) ?? (counts.set(year, { year, news: 0, abstracts: 0 }).get(year) as YearCount);
  for (const item of news) count(item.year).news++;
  for (const item of abstracts) count(item.year).abstracts++;
  return [...counts.values()].sort((a, b) => b.year - a.year);
}

export interface YearBar extends YearCount {
  /** The heights of the bar's two parts and where each starts from the top, in the chart's units. */
  newsHeight: number;
  newsTop: number;
  abstractsHeight: number;
  abstractsTop: number;
  /** The year of the page the chart is on. */
  current: boolean;
}

export interface YearChart {
  /** Newest first, as the table lists them; the stylesheet draws the newest on the right. */
  bars: YearBar[];
  barWidth: number;
  height: number;
}

/**
 * A stacked bar per year (news below, abstracts above), scaled to the largest year; `current` marks
 * a year page's own year.
 */
export function yearChart(
  counts: readonly YearCount[],
  current?: number,
  { barWidth = 20, height = 120 } = {},
): YearChart {
  const max = Math.max(1, ...counts.map((count) => count.news + count.abstracts));
  const tenths = (value: number) => Math.round(value * 10) / 10;
  const scale = (value: number) => tenths((value / max) * height);
  return {
    bars: counts.map((count) => {
      const [newsHeight, abstractsHeight] = [scale(count.news), scale(count.abstracts)];
      const newsTop = tenths(height - newsHeight);
      return {
        ...count,
        newsHeight,
        newsTop,
        abstractsHeight,
        abstractsTop: tenths(newsTop - abstractsHeight),
        current: count.year === current,
      };
    }),
    barWidth,
    height,
  };
}
