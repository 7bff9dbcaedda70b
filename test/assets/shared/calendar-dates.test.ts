import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  formatCalendarDate,
  formatDateRange,
  formatMonth,
  isCalendarDate,
  yearOf,
} from "../../../src/assets/shared/calendar-dates.ts";

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
  assert.throws(
    () => formatCalendarDate("2023-02-30"),
    (error: unknown) => error instanceof RangeError && error.message === "not a calendar date: 2023-02-30",
  );
  assert.throws(
    () => formatCalendarDate("2023-11-14T10:00:00Z"),
    (error: unknown) => error instanceof RangeError && error.message === "not a calendar date: 2023-11-14T10:00:00Z",
  );
  assert.throws(
    () => formatCalendarDate("14/11/2023"),
    (error: unknown) => error instanceof RangeError,
  );
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
  assert.throws(
    () => formatDateRange("2023-02-30", "2023-03-02"),
    (error: unknown) => error instanceof RangeError,
  );
  assert.throws(
    () => formatDateRange("2023-03-01", "2023-13-02"),
    (error: unknown) => error instanceof RangeError,
  );
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
  assert.throws(
    () => yearOf("2023-02-30"),
    (error: unknown) => error instanceof RangeError,
  );
});

// --- other languages ------------------------------------------------------------------------

test("formatCalendarDate writes a date as the item's language writes it", () => {
  assert.is(formatCalendarDate("2023-11-14", "en"), "14 November 2023");
  assert.is(formatCalendarDate("2023-11-14", "es"), "14 de noviembre de 2023");
  assert.is(formatCalendarDate("2023-11-14", "fr"), "14 novembre 2023");
  assert.is(formatCalendarDate("2023-11-14", "pt-BR"), "14 de novembro de 2023");
  assert.is(formatCalendarDate("2023-11-14", "de"), "14. November 2023");
});

test("formatCalendarDate writes a tag Intl refuses in English, and remembers each language apart", () => {
  assert.is(formatCalendarDate("2023-11-14", "not a tag"), "14 November 2023");
  assert.is(formatCalendarDate("2024-01-01", "es"), "1 de enero de 2024");
  assert.is(formatCalendarDate("2024-01-01"), "1 January 2024");
});

test("formatCalendarDate in English is Intl's en-GB long date, on every day of a leap year", () => {
  const intl = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  for (let day = Date.UTC(2024, 0, 1); day < Date.UTC(2025, 0, 1); day += 86_400_000) {
    const iso = new Date(day).toISOString().slice(0, 10);
    assert.is(formatCalendarDate(iso), intl.format(new Date(day)), iso);
  }
});

test("formatDateRange and formatMonth in Spanish and French", () => {
  assert.is(formatDateRange("2022-09-25", "2022-09-29", "es"), "25–29 de septiembre de 2022");
  assert.is(formatDateRange("2024-09-29", "2024-10-02", "es"), "29 de septiembre – 2 de octubre de 2024");
  assert.is(formatDateRange("2023-12-30", "2024-01-02", "es"), "30 de diciembre de 2023 – 2 de enero de 2024");
  assert.is(formatDateRange("2022-09-25", "2022-09-29", "fr"), "25–29 septembre 2022");
  assert.is(formatDateRange("2024-09-29", "2024-10-02", "fr"), "29 septembre – 2 octobre 2024");
  assert.is(formatMonth("2023-11-14", "es"), "noviembre de 2023");
  assert.is(formatMonth("2023-11-14", "fr"), "novembre 2023");
});

test.run();
