import { test } from "uvu";
import * as assert from "uvu/assert";
import { isCalendarDate, todayIn } from "../../../scripts/lib/content/dates.ts";

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
  assert.throws(
    () => todayIn("", now),
    (error: unknown) => error instanceof RangeError && error.message === "unknown time zone: ",
  );
});

test("todayIn defaults to the current instant", () => {
  const before = todayIn("UTC", new Date());
  const today = todayIn("UTC");
  const after = todayIn("UTC", new Date());
  assert.ok(today === before || today === after, `${today} is neither ${before} nor ${after}`);
  assert.ok(isCalendarDate(today), today);
});

test.run();
