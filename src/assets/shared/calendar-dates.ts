/**
 * Calendar dates ("2023-11-14"): checked, and written out as a language writes them ("14 November
 * 2023", "14 de noviembre de 2023", "14 novembre 2023"). The one formatter of the build and of the
 * browser's scripts. Dates are formatted by Intl in UTC, so that no machine's time zone shifts them
 * by a day (https://www.11ty.dev/docs/dates/#dates-off-by-one-day); no Luxon, so that it bundles small.
 */

const calendarDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The locale a language's dates are written in: the archive writes English dates the British way. */
const dateLocales: Readonly<Record<string, string>> = { en: "en-GB" };

/** Checked with plain arithmetic (the proleptic Gregorian calendar, as JavaScript uses): the build checks thousands. */
function dateParts(date: string): [year: number, month: number, day: number] | undefined {
  const match = calendarDatePattern.exec(date);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return [year, month, day];
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isCalendarDate(value: string): boolean {
  return dateParts(value) !== undefined;
}

function toParts(date: string): { year: number; month: number; day: number } {
  const parts = dateParts(date);
  if (!parts) throw new RangeError(`not a calendar date: ${date}`);
  const [year, month, day] = parts;
  return { year, month, day };
}

export function yearOf(date: string): number {
  return toParts(date).year;
}

function asInstant(date: string): Date {
  toParts(date);
  return new Date(`${date}T00:00:00Z`);
}

const dateFormats = {
  date: { day: "numeric", month: "long", year: "numeric" },
  dayAndMonth: { day: "numeric", month: "long" },
  month: { month: "long", year: "numeric" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One Intl formatter per language and format, made when first asked for; a tag Intl refuses is written in English. */
function formatter(lang: string, format: keyof typeof dateFormats): Intl.DateTimeFormat {
  const key = `${lang} ${format}`;
  let found = formatters.get(key);
  if (!found) {
    const options = { ...dateFormats[format], timeZone: "UTC" };
    try {
      found = new Intl.DateTimeFormat(dateLocales[lang] ?? lang, options);
    } catch {
      found = new Intl.DateTimeFormat(dateLocales.en, options);
    }
    formatters.set(key, found);
  }
  return found;
}

/** Texts made, by language, kind and date: list pages format the same dates thousands of times. */
const made = new Map<string, string>();

function memoised(key: string, make: () => string): string {
  let text = made.get(key);
  if (text === undefined) {
    text = make();
    made.set(key, text);
  }
  return text;
}

/** "2023-11-14" → "14 November 2023"; with "es", "14 de noviembre de 2023". */
export function formatCalendarDate(date: string, lang = "en"): string {
  return memoised(`${lang} date ${date}`, () => formatter(lang, "date").format(asInstant(date)));
}

/** "2023-11-14" → "November 2023"; with "es", "noviembre de 2023". */
export function formatMonth(date: string, lang = "en"): string {
  return memoised(`${lang} month ${date}`, () => formatter(lang, "month").format(asInstant(date)));
}

/**
 * A conference's dates: "25–29 September 2022", "29 September – 2 October 2024"; with "es", "25–29 de
 * septiembre de 2022". Made of the language's own single dates rather than Intl's formatRange, whose
 * English puts spaces around the dash of "25 – 29".
 */
export function formatDateRange(start: string, end: string, lang = "en"): string {
  return memoised(`${lang} range ${start}/${end}`, () => {
    const from = toParts(start);
    const to = toParts(end);
    if (start === end) return formatCalendarDate(start, lang);
    if (from.year !== to.year) return `${formatCalendarDate(start, lang)} – ${formatCalendarDate(end, lang)}`;
    if (from.month !== to.month)
      return `${formatter(lang, "dayAndMonth").format(asInstant(start))} – ${formatCalendarDate(end, lang)}`;
    const days = `${from.day}–${to.day}`;
    return formatter(lang, "date")
      .formatToParts(asInstant(end))
      .map((part) => (part.type === "day" ? days : part.value))
      .join("");
  });
}
