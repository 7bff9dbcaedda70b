/**
 * Dates as old pages write them: "14 November 2023", "14 Nov 2023", "November 14, 2023",
 * "2023-11-14", "14 de noviembre de 2023". A numeric date such as "08/09/2013" reads either way
 * round, so it is taken only with the order the rules give; otherwise it is reported, never guessed.
 */
import { isCalendarDate } from "../content/dates.ts";

/** Which comes first in a numeric date: "08/09/2013" is 8 September (day-month) or 9 August (month-day). */
export type DateOrder = "day-month" | "month-day";

export type FoundDate =
  /** A calendar date (YYYY-MM-DD) and the text it was read from. */
  | { date: string; text: string }
  /** A numeric date that needs the rules' `dateOrder` to be read. */
  | { ambiguous: string };

const monthNumbers = new Map<string, number>();
const monthsByLanguage = [
  [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
  ],
  [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
  ],
  [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
  ],
];
for (const names of monthsByLanguage) names.forEach((name, index) => monthNumbers.set(name, index + 1));
// English abbreviations, "Sept" included; a trailing dot is allowed by the patterns.
["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].forEach((name, index) =>
  monthNumbers.set(name, index + 1),
);
monthNumbers.set("sept", 9);
monthNumbers.set("setiembre", 9);

const month = "([A-Za-zéûÉÛ]{3,10})\\.?";
const day = "(\\d{1,2})(?:st|nd|rd|th|er)?";
const year = "(\\d{4})";
// Digits, not word boundaries, delimit a date: text read from a page may run it into a word ("AIAMP14 November 2023").
const patterns: { pattern: RegExp; read(match: RegExpExecArray, order?: DateOrder): FoundDate | undefined }[] = [
  {
    pattern: new RegExp(`(?<!\\d)${year}-(\\d{2})-(\\d{2})(?!\\d)`, "g"),
    read: ([text, y, m, d]) => calendar(text, y, m, d),
  },
  // 14 November 2023, 14 Nov. 2023, 14 de noviembre de 2023
  {
    pattern: new RegExp(`(?<!\\d)${day}\\s+(?:de\\s+)?${month},?\\s+(?:de\\s+)?${year}(?!\\d)`, "g"),
    read: ([text, d, m, y]) => named(text, y, m, d),
  },
  // November 14, 2023; Nov 14 2023
  {
    pattern: new RegExp(`(?<![A-Za-z])${month}\\s+${day},?\\s+${year}(?!\\d)`, "g"),
    read: ([text, m, d, y]) => named(text, y, m, d),
  },
  // 08/09/2013, 08.09.2013, 8-9-2013
  {
    pattern: /(?<!\d)(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?!\d)/g,
    read: ([text, first, , second, y], order) => {
      if (!order) return { ambiguous: text as string };
      return order === "day-month" ? calendar(text, y, second, first) : calendar(text, y, first, second);
    },
  },
];

/**
 * The first date written in `text`, in any of the forms above; a numeric one is ambiguous unless
 * `order` is given. Matches that are no calendar date (31 February) are passed over.
 */
export function findDate(text: string, order?: DateOrder): FoundDate | undefined {
  let first: { index: number; found: FoundDate } | undefined;
  for (const { pattern, read } of patterns) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      if (first && match.index >= first.index) break;
      const found = read(match, order);
      if (found) {
        first = { index: match.index, found };
        break;
      }
    }
  }
  return first?.found;
}

/**
 * The calendar date of a machine-readable date or time ("2023-11-14T10:00:00+01:00" → 2023-11-14):
 * the day the page itself gives.
 */
export function isoDate(value: string): string | undefined {
  const match = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T\s]|$)/.exec(value);
  const date = match && `${match[1]}-${match[2]}-${match[3]}`;
  return date && isCalendarDate(date) ? date : undefined;
}

function named(
  text: string | undefined,
  y: string | undefined,
  monthName: string | undefined,
  d: string | undefined,
): FoundDate | undefined {
  const number = monthNumbers.get((monthName ?? "").toLowerCase());
  return number ? calendar(text, y, String(number), d) : undefined;
}

function calendar(
  text: string | undefined,
  y: string | undefined,
  m: string | undefined,
  d: string | undefined,
): FoundDate | undefined {
  const date = `${y}-${(m ?? "").padStart(2, "0")}-${(d ?? "").padStart(2, "0")}`;
  return isCalendarDate(date) ? { date, text: text ?? "" } : undefined;
}
