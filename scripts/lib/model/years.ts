/** The archive by year: counts per year and the bar chart drawn from them at build time. */

export interface YearCount {
  year: number;
  news: number;
  abstracts: number;
}

/** Every year with content, newest first: a year with none gets no row (the chart leaves no gap either). */
export function yearCounts(news: readonly { year: number }[], abstracts: readonly { year: number }[]): YearCount[] {
  const counts = new Map<number, YearCount>();
  const count = (year: number) => counts.get(year) ?? counts.set(year, { year, news: 0, abstracts: 0 }).get(year) as YearCount;
  for (const item of news) count(item.year).news++;
  for (const item of abstracts) count(item.year).abstracts++;
  return [...counts.values()].sort((a, b) => b.year - a.year);
}

/** The width of a year's column in the chart: `.year-chart li` in src/assets/site.css. */
const columnWidth = 18;
/** A four-digit year label at the chart's 0.75rem is about 27 px wide; 30 leaves a gap. */
const labelWidth = 30;

/**
 * A stacked bar per year (news, then abstracts), oldest on the left, each year a list item with its
 * bar and its label. The labels are HTML text, not SVG text, so that their contrast can be checked
 * (axe cannot tell the background of text inside an SVG) and they never shrink with the chart.
 * Decorative for screen readers (`aria-hidden`): the same numbers are in the table next to it.
 * Colours come from classes and sizes from SVG attributes, not inline styles, so a strict
 * Content-Security-Policy allows it.
 */
export function yearChartHtml(counts: readonly YearCount[], { barWidth = 14, height = 120 } = {}): string {
  const ordered = [...counts].sort((a, b) => a.year - b.year);
  const max = Math.max(1, ...ordered.map((count) => count.news + count.abstracts));
  const scale = (value: number) => Math.round((value / max) * height * 10) / 10;
  // Label every n-th year, counted from the newest, so that no two labels touch.
  const labelEvery = Math.ceil(labelWidth / columnWidth);
  const years = ordered.map((count, index) => {
    const newsHeight = scale(count.news);
    const abstractsHeight = scale(count.abstracts);
    const label = (ordered.length - 1 - index) % labelEvery === 0 ? String(count.year) : "";
    return (
      `<li title="${count.year}: ${count.news} news, ${count.abstracts} abstracts">` +
      `<svg viewBox="0 0 ${barWidth} ${height}" width="${barWidth}" height="${height}" focusable="false">` +
      `<rect class="bar-news" x="0" y="${height - newsHeight}" width="${barWidth}" height="${newsHeight}"/>` +
      `<rect class="bar-abstracts" x="0" y="${height - newsHeight - abstractsHeight}" width="${barWidth}" height="${abstractsHeight}"/>` +
      `</svg><span class="year-label">${label}</span></li>`
    );
  });
  return `<ol class="year-chart" aria-hidden="true">${years.join("")}</ol>`;
}
