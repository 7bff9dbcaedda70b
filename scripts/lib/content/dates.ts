/**
 * Content dates are calendar dates ("2023-11-14"), not instants. They are kept as strings and
 * formatted in UTC so that no machine time zone can shift them by a day
 * (https://www.11ty.dev/docs/dates/#dates-off-by-one-day).
 */
import { DateTime } from "luxon";
import { monthNames } from "../../../src/assets/shared/months.ts";

const calendarDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Dates are checked and formatted with plain arithmetic (the proleptic Gregorian calendar, as
 * JavaScript and Luxon use) rather than Luxon: the build checks and formats some 80,000 dates for
 * a 10k archive, and Luxon's parsing and formatting cost 0.7 s of it. Only `todayIn`, which needs
 * time zones, uses Luxon.
 */
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

/** "2023" for 2023, "0999" for 999: Luxon's "yyyy". */
function yearText(year: number): string {
  return String(year).padStart(4, "0");
}

const formatted = new Map<string, string>();

/** "2023-11-14" → "14 November 2023". Memoised: list pages format the same dates thousands of times. */
export function formatCalendarDate(date: string): string {
  let text = formatted.get(date);
  if (text === undefined) {
    const { year, month, day } = toParts(date);
    text = `${day} ${monthNames[month - 1]} ${yearText(year)}`;
    formatted.set(date, text);
  }
  return text;
}

/** "2023-11-14" → "November 2023" */
export function formatMonth(date: string): string {
  const { year, month } = toParts(date);
  return `${monthNames[month - 1]} ${yearText(year)}`;
}

const ranges = new Map<string, string>();

/** A conference's dates: "25–29 September 2022", "29 September – 2 October 2024". Memoised, as dates are. */
export function formatDateRange(start: string, end: string): string {
  const key = `${start}/${end}`;
  let text = ranges.get(key);
  if (text === undefined) {
    const from = toParts(start);
    const to = toParts(end);
    if (start === end) text = formatCalendarDate(start);
    else if (from.year !== to.year) text = `${formatCalendarDate(start)} – ${formatCalendarDate(end)}`;
    else if (from.month !== to.month) text = `${from.day} ${monthNames[from.month - 1]} – ${formatCalendarDate(end)}`;
    else text = `${from.day}–${formatCalendarDate(end)}`;
    ranges.set(key, text);
  }
  return text;
}

export function yearOf(date: string): number {
  return toParts(date).year;
}

/**
 * The moment a build given a calendar date (`--now 2024-06-01`, a snapshot's date) takes as "now":
 * noon UTC of that day, which is that same day in the archive's time zone for any zone within
 * twelve hours of UTC.
 */
export function dayAsNow(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

/** Today's calendar date in the archive's time zone: what "not yet published" is measured against. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const today = DateTime.fromJSDate(now, { zone: timeZone });
  if (!today.isValid) throw new RangeError(`unknown time zone: ${timeZone}`);
  return today.toISODate() as string;
}
