/** Where "now" comes from; services take one so tests can fix time. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

const AMSTERDAM_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in the Netherlands at `now`, as `YYYY-MM-DD`. */
export function dutchDate(now: Date): string {
  return AMSTERDAM_DATE.format(now);
}

/** `YYYY-MM-DD` plus whole days (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
