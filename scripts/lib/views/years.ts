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

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * A stacked bar per year (news, then abstracts), oldest on the left. Decorative for screen readers
 * (`aria-hidden`): the same numbers are in the table next to it. Colours come from presentation
 * attributes, not inline styles, so a strict Content-Security-Policy allows it.
 */
export function yearChartSvg(counts: readonly YearCount[], { barWidth = 14, gap = 4, height = 120 } = {}): string {
  const ordered = [...counts].sort((a, b) => a.year - b.year);
  const max = Math.max(1, ...ordered.map((count) => count.news + count.abstracts));
  const labelSpace = 16;
  const labelWidth = 26;
  // Room either side for the first and last year labels, which are centred on their bars.
  const pad = 12;
  const width = Math.max(1, ordered.length * (barWidth + gap) - gap) + 2 * pad;
  const scale = (value: number) => Math.round((value / max) * height * 10) / 10;
  // A four-digit label at 9px is about 22px wide: label every n-th bar, counted from the newest, so no two touch.
  const labelEvery = Math.ceil(labelWidth / (barWidth + gap));
  const bars = ordered.map((count, index) => {
    const x = pad + index * (barWidth + gap);
    const newsHeight = scale(count.news);
    const abstractsHeight = scale(count.abstracts);
    const label = (ordered.length - 1 - index) % labelEvery === 0;
    return [
      `<g><title>${count.year}: ${count.news} news, ${count.abstracts} abstracts</title>`,
      `<rect class="bar-news" x="${x}" y="${height - newsHeight}" width="${barWidth}" height="${newsHeight}"/>`,
      `<rect class="bar-abstracts" x="${x}" y="${height - newsHeight - abstractsHeight}" width="${barWidth}" height="${abstractsHeight}"/>`,
      label ? `<text x="${x + barWidth / 2}" y="${height + 12}" text-anchor="middle">${count.year}</text>` : "",
      `</g>`,
    ].join("");
  });
  return (
    `<svg class="year-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height + labelSpace}" ` +
    `width="${width}" height="${height + labelSpace}" aria-hidden="true" focusable="false">` +
    `<title>${escapeXml("News items and abstracts per year")}</title>${bars.join("")}</svg>`
  );
}
