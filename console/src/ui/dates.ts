/** Today in the Netherlands as `YYYY-MM-DD` (the service counts dates the same way). */
export function dutchToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
