import Holidays from 'date-holidays';

import { addDays, dutchDate } from './clock';

/**
 * Dutch working days, for the workflow's deadlines (docs/workflow.md, "Deadlines"). Pure: no clock
 * is read; every answer follows from its arguments.
 *
 * A working day is a Monday to Friday in Europe/Amsterdam that is not a public holiday as
 * `date-holidays` lists them for the Netherlands (type `public`): Nieuwjaarsdag, Tweede Paasdag,
 * Koningsdag (26 April when the 27th is a Sunday), Hemelvaartsdag, Tweede Pinksterdag and both
 * Christmas days (Easter and Whit Sunday are Sundays anyway). Goede Vrijdag and Bevrijdingsdag are
 * working days: they are not general days off (offices of corporations and providers mostly open;
 * 5 May is a day off only in lustrum years under many collective agreements).
 */

const dutchHolidays = new Holidays('NL', { types: ['public'] });
const holidaysByYear = new Map<number, ReadonlySet<string>>();

function holidaysOf(year: number): ReadonlySet<string> {
  let set = holidaysByYear.get(year);
  if (!set) {
    set = new Set(dutchHolidays.getHolidays(year).map((holiday) => holiday.date.slice(0, 10)));
    holidaysByYear.set(year, set);
  }
  return set;
}

/** Is this calendar date (`YYYY-MM-DD`, a Dutch date) a working day? */
export function isWorkingDate(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !holidaysOf(Number(date.slice(0, 4))).has(date);
}

/** Is the Dutch calendar day of this instant a working day? */
export function isWorkingDay(at: Date): boolean {
  return isWorkingDate(dutchDate(at));
}

/** The first working date after `date`. */
function nextWorkingDate(date: string): string {
  let next = addDays(date, 1);
  while (!isWorkingDate(next)) next = addDays(next, 1);
  return next;
}

const HOUR = 3_600_000;

/**
 * The instant Amsterdam's day `date` begins. Midnight never falls in a clock change there (those
 * happen at 02:00 and 03:00), so it is UTC midnight less one or two hours, whichever reads back as
 * 00:00 on that date.
 */
export function startOfDutchDay(date: string): Date {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  for (const offset of [HOUR, 2 * HOUR]) {
    const candidate = new Date(utcMidnight - offset);
    if (dutchDate(candidate) === date && dutchDate(new Date(candidate.getTime() - 1)) !== date) {
      return candidate;
    }
  }
  throw new Error(`no start of day found for ${date} in Europe/Amsterdam`);
}

/**
 * `start` plus `days` Dutch working days.
 *
 * - `days = 0`: `start` itself (due at once).
 * - A start on a weekend or holiday counts as the beginning (00:00) of the next working day, so
 *   that day is a whole working day of the term.
 * - Otherwise the deadline is on the `days`-th working day after the start's date, as long after
 *   that day's midnight as the start was after its own (the same clock time, except across a
 *   clock change, where the real time elapsed since midnight is kept so that a later start never
 *   gets an earlier deadline); never past the end of that day.
 *
 * Monotone in `start` and in `days`; for `days ≥ 1` the result lies on a working day.
 */
export function addWorkingDays(start: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 0) {
    throw new RangeError(`working days must be a whole number ≥ 0, got ${days}`);
  }
  if (days === 0) return new Date(start.getTime());
  let date = dutchDate(start);
  let sinceMidnight = start.getTime() - startOfDutchDay(date).getTime();
  if (!isWorkingDate(date)) {
    date = nextWorkingDate(date);
    sinceMidnight = 0;
  }
  for (let i = 0; i < days; i++) date = nextWorkingDate(date);
  const dayStart = startOfDutchDay(date).getTime();
  const dayEnd = startOfDutchDay(addDays(date, 1)).getTime();
  return new Date(Math.min(dayStart + sinceMidnight, dayEnd - 1));
}
