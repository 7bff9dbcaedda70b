/**
 * Content dates are calendar dates ("2023-11-14"), not instants, kept as strings. They are checked
 * and written out by src/assets/shared/calendar-dates.ts, which the browser's scripts share; what
 * only the build needs, the archive's "today" in its time zone, is here, with Luxon.
 */
import { DateTime } from "luxon";

export {
  formatCalendarDate,
  formatDateRange,
  formatMonth,
  isCalendarDate,
  yearOf,
} from "../../../src/assets/shared/calendar-dates.ts";

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
