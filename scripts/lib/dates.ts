/**
 * Content dates are calendar dates ("2023-11-14"), not instants. They are kept as strings and
 * formatted in UTC so that no machine time zone can shift them by a day
 * (https://www.11ty.dev/docs/dates/#dates-off-by-one-day).
 */
import { DateTime } from "luxon";

const calendarDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: string): boolean {
  const match = calendarDatePattern.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  return DateTime.utc(year, month, day).isValid;
}

function toDateTime(date: string): DateTime {
  const parsed = DateTime.fromISO(date, { zone: "utc" });
  if (!isCalendarDate(date) || !parsed.isValid) throw new RangeError(`not a calendar date: ${date}`);
  return parsed;
}

const formatted = new Map<string, string>();

/** "2023-11-14" → "14 November 2023". Memoised: list pages format the same dates thousands of times. */
export function formatCalendarDate(date: string): string {
  let text = formatted.get(date);
  if (text === undefined) {
    text = toDateTime(date).setLocale("en-GB").toFormat("d MMMM yyyy");
    formatted.set(date, text);
  }
  return text;
}

/** "2023-11-14" → "November 2023" */
export function formatMonth(date: string): string {
  return toDateTime(date).setLocale("en-GB").toFormat("MMMM yyyy");
}

/** A conference's dates: "25–29 September 2022", "29 September – 2 October 2024". */
export function formatDateRange(start: string, end: string): string {
  const from = toDateTime(start).setLocale("en-GB");
  const to = toDateTime(end).setLocale("en-GB");
  if (start === end) return formatCalendarDate(start);
  if (from.year !== to.year) return `${from.toFormat("d MMMM yyyy")} – ${to.toFormat("d MMMM yyyy")}`;
  if (from.month !== to.month) return `${from.toFormat("d MMMM")} – ${to.toFormat("d MMMM yyyy")}`;
  return `${from.toFormat("d")}–${to.toFormat("d MMMM yyyy")}`;
}

export function yearOf(date: string): number {
  return toDateTime(date).year;
}

/** Today's calendar date in the archive's time zone: what "not yet published" is measured against. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const today = DateTime.fromJSDate(now, { zone: timeZone });
  if (!today.isValid) throw new RangeError(`unknown time zone: ${timeZone}`);
  return today.toISODate() as string;
}
