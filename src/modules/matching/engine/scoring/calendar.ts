/**
 * Calendar days. Dates in the engine's input are ISO calendar dates in Europe/Amsterdam; `now` is
 * an instant. Both become whole day numbers (days since 1970-01-01) so comparisons and waits are
 * exact and do not depend on the machine's time zone.
 */
import { dutchDate } from '../../../../shared/time/clock';

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** The last instant converted: a run evaluates many pairs at the same `now`, and Intl is slow. */
let lastInstant = Number.NaN;
let lastDayNumber = Number.NaN;

/** The calendar day of an instant in Europe/Amsterdam, as a day number. */
export function amsterdamDayNumber(instant: Date): number {
  const time = instant.getTime();
  if (time === lastInstant) return lastDayNumber;
  lastInstant = time;
  lastDayNumber = isoDayNumber(dutchDate(instant));
  return lastDayNumber;
}

/** The day number of an ISO date (`YYYY-MM-DD`, anything after it ignored); NaN if malformed. */
export function isoDayNumber(date: string): number {
  const match = ISO_DATE.exec(date);
  if (!match) return NaN;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY;
}

/** Dates already written out: rule sentences name today and the horizon for every pair. */
const isoDates = new Map<number, string>();

/** The ISO date of a day number, for messages. */
export function isoDateOf(dayNumber: number): string {
  if (!Number.isFinite(dayNumber)) return 'an invalid date';
  let iso = isoDates.get(dayNumber);
  if (iso === undefined) {
    if (isoDates.size >= 4096) isoDates.clear();
    iso = new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
    isoDates.set(dayNumber, iso);
  }
  return iso;
}
