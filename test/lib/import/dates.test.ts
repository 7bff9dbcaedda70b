import { test } from "uvu";
import * as assert from "uvu/assert";
import { findDate, isoDate } from "../../../scripts/lib/import/dates.ts";

test("the written forms of the issue, each read as the same calendar date", () => {
  assert.equal(findDate("Posted on 14 November 2023 by the Secretariat"), {
    date: "2023-11-14",
    text: "14 November 2023",
  });
  assert.equal(findDate("14 Nov 2023"), { date: "2023-11-14", text: "14 Nov 2023" });
  assert.equal(findDate("14 Nov. 2023"), { date: "2023-11-14", text: "14 Nov. 2023" });
  assert.equal(findDate("November 14, 2023"), { date: "2023-11-14", text: "November 14, 2023" });
  assert.equal(findDate("Nov 14th, 2023"), { date: "2023-11-14", text: "Nov 14th, 2023" });
  assert.equal(findDate("Date: 2023-11-14"), { date: "2023-11-14", text: "2023-11-14" });
  assert.equal(findDate("14th November 2023"), { date: "2023-11-14", text: "14th November 2023" });
});

test("Spanish and French month names", () => {
  assert.equal(findDate("Buenos Aires, 14 de noviembre de 2023"), {
    date: "2023-11-14",
    text: "14 de noviembre de 2023",
  });
  assert.equal(findDate("le 1er août 2022"), { date: "2022-08-01", text: "1er août 2022" });
});

test("the first date in the text wins, whatever its form", () => {
  assert.equal(findDate("September 9, 2018 and 14 November 2023"), { date: "2018-09-09", text: "September 9, 2018" });
  assert.equal(findDate("2019-01-02, then November 14, 2023"), { date: "2019-01-02", text: "2019-01-02" });
});

test("a numeric date is ambiguous without the rules' date order, and read with it", () => {
  assert.equal(findDate("Published 08/09/2013"), { ambiguous: "08/09/2013" });
  assert.equal(findDate("Published 08/09/2013", "day-month"), { date: "2013-09-08", text: "08/09/2013" });
  assert.equal(findDate("Published 08/09/2013", "month-day"), { date: "2013-08-09", text: "08/09/2013" });
  assert.equal(findDate("14.11.2023", "day-month"), { date: "2023-11-14", text: "14.11.2023" });
});

test("no date, or dates that are no calendar day, give nothing", () => {
  assert.is(findDate("The 27th Annual Conference in 2022"), undefined);
  assert.is(findDate("31 February 2023"), undefined);
  assert.is(findDate("13/25/2023", "day-month"), undefined);
  assert.is(findDate("the 14 Smarch 2023 meeting"), undefined);
});

test("isoDate reads the calendar day of a datetime as written", () => {
  assert.is(isoDate("2023-11-14T23:30:00-05:00"), "2023-11-14");
  assert.is(isoDate("2023-11-14"), "2023-11-14");
  assert.is(isoDate("2023-02-30"), undefined);
  assert.is(isoDate("14 November 2023"), undefined);
});

test.run();
