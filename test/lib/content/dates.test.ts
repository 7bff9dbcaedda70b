import { test } from "uvu";
import * as assert from "uvu/assert";
import { formatCalendarDate, formatDateRange, formatMonth, isCalendarDate, todayIn, yearOf } from "../../../scripts/lib/content/dates.ts";

// --- isCalendarDate -------------------------------------------------------------------------

test("isCalendarDate accepts a plain YYYY-MM-DD date", () => {
  assert.is(isCalendarDate("2023-11-14"), true);
  assert.is(isCalendarDate("1995-06-06"), true);
  assert.is(isCalendarDate("2023-12-31"), true);
  assert.is(isCalendarDate("2023-01-01"), true);
});

test("isCalendarDate rejects days and months that do not exist", () => {
  assert.is(isCalendarDate("2023-02-30"), false);
  assert.is(isCalendarDate("2023-13-01"), false);
  assert.is(isCalendarDate("2023-00-10"), false);
  assert.is(isCalendarDate("2023-11-00"), false);
  assert.is(isCalendarDate("2023-04-31"), false);
});

test("isCalendarDate knows leap years", () => {
  assert.is(isCalendarDate("2024-02-29"), true);
  assert.is(isCalendarDate("2023-02-29"), false);
  assert.is(isCalendarDate("2000-02-29"), true);
  assert.is(isCalendarDate("1900-02-29"), false);
});

test("isCalendarDate rejects other notations, times and time zones", () => {
  assert.is(isCalendarDate("14/11/2023"), false);
  assert.is(isCalendarDate("2023-11-14T10:00:00+02:00"), false);
  assert.is(isCalendarDate("2023-11-14T10:00:00Z"), false);
  assert.is(isCalendarDate("2023-1-1"), false);
  assert.is(isCalendarDate(" 2023-11-14"), false);
  assert.is(isCalendarDate("2023-11-14 "), false);
  assert.is(isCalendarDate("20231114"), false);
  assert.is(isCalendarDate(""), false);
});

// --- formatting -----------------------------------------------------------------------------

test("formatCalendarDate writes day, month name and year in British English", () => {
  assert.is(formatCalendarDate("2023-11-14"), "14 November 2023");
  assert.is(formatCalendarDate("2023-01-05"), "5 January 2023");
  assert.is(formatCalendarDate("1995-06-06"), "6 June 1995");
});

test("formatCalendarDate does not shift the first and last day of a year", () => {
  assert.is(formatCalendarDate("2024-01-01"), "1 January 2024");
  assert.is(formatCalendarDate("2023-12-31"), "31 December 2023");
});

test("formatCalendarDate throws a RangeError for what is not a calendar date", () => {
  assert.throws(() => formatCalendarDate("2023-02-30"), (error: unknown) => error instanceof RangeError && error.message === "not a calendar date: 2023-02-30");
  assert.throws(
    () => formatCalendarDate("2023-11-14T10:00:00Z"),
    (error: unknown) => error instanceof RangeError && error.message === "not a calendar date: 2023-11-14T10:00:00Z",
  );
  assert.throws(() => formatCalendarDate("14/11/2023"), (error: unknown) => error instanceof RangeError);
});

test("formatDateRange within one month", () => {
  assert.is(formatDateRange("2022-09-25", "2022-09-29"), "25–29 September 2022");
  assert.is(formatDateRange("2018-09-09", "2018-09-13"), "9–13 September 2018");
});

test("formatDateRange across months", () => {
  assert.is(formatDateRange("2024-09-29", "2024-10-02"), "29 September – 2 October 2024");
});

test("formatDateRange across years", () => {
  assert.is(formatDateRange("2023-12-30", "2024-01-02"), "30 December 2023 – 2 January 2024");
});

test("formatDateRange on a single day is just that date", () => {
  assert.is(formatDateRange("2023-11-14", "2023-11-14"), "14 November 2023");
});

test("formatDateRange rejects an invalid start or end", () => {
  assert.throws(() => formatDateRange("2023-02-30", "2023-03-02"), (error: unknown) => error instanceof RangeError);
  assert.throws(() => formatDateRange("2023-03-01", "2023-13-02"), (error: unknown) => error instanceof RangeError);
});

test("formatMonth writes month name and year", () => {
  assert.is(formatMonth("2023-11-14"), "November 2023");
  assert.is(formatMonth("2024-01-01"), "January 2024");
  assert.is(formatMonth("2023-12-31"), "December 2023");
});

test("yearOf gives the calendar year as a number", () => {
  assert.is(yearOf("2023-11-14"), 2023);
  assert.is(yearOf("2024-01-01"), 2024);
  assert.is(yearOf("2023-12-31"), 2023);
  assert.throws(() => yearOf("2023-02-30"), (error: unknown) => error instanceof RangeError);
});

// --- todayIn --------------------------------------------------------------------------------

test("todayIn gives the calendar date of one instant in different time zones", () => {
  const now = new Date("2023-11-14T23:30:00Z");
  assert.is(todayIn("Pacific/Kiritimati", now), "2023-11-15");
  assert.is(todayIn("America/Los_Angeles", now), "2023-11-14");
  assert.is(todayIn("UTC", now), "2023-11-14");
  assert.is(todayIn("Europe/Amsterdam", now), "2023-11-15");
  assert.is(todayIn("Asia/Kolkata", now), "2023-11-15");
  assert.is(todayIn("Pacific/Pago_Pago", now), "2023-11-14");
});

test("todayIn turns at local midnight, with and without summer time", () => {
  // Europe/Amsterdam is UTC+1 in November and UTC+2 in July.
  assert.is(todayIn("Europe/Amsterdam", new Date("2023-11-14T22:59:59Z")), "2023-11-14");
  assert.is(todayIn("Europe/Amsterdam", new Date("2023-11-14T23:00:00Z")), "2023-11-15");
  assert.is(todayIn("Europe/Amsterdam", new Date("2023-07-14T21:59:59Z")), "2023-07-14");
  assert.is(todayIn("Europe/Amsterdam", new Date("2023-07-14T22:00:00Z")), "2023-07-15");
});

test("todayIn crosses a year boundary", () => {
  const now = new Date("2023-12-31T12:00:00Z");
  assert.is(todayIn("Pacific/Kiritimati", now), "2024-01-01");
  assert.is(todayIn("America/Los_Angeles", now), "2023-12-31");
});

test("todayIn throws for an unknown time zone", () => {
  const now = new Date("2023-11-14T23:30:00Z");
  assert.throws(
    () => todayIn("Mars/Olympus_Mons", now),
    (error: unknown) => error instanceof RangeError && error.message === "unknown time zone: Mars/Olympus_Mons",
  );
  assert.throws(() => todayIn("", now), (error: unknown) => error instanceof RangeError && error.message === "unknown time zone: ");
});

test("todayIn defaults to the current instant", () => {
  const before = todayIn("UTC", new Date());
  const today = todayIn("UTC");
  const after = todayIn("UTC", new Date());
  assert.ok(today === before || today === after, `${today} is neither ${before} nor ${after}`);
  assert.ok(isCalendarDate(today), today);
});

test.run();
