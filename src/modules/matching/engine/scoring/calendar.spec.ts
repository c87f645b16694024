import { amsterdamDayNumber, isoDateOf, isoDayNumber } from './calendar';

describe('calendar days', () => {
  it.each([
    ['2025-03-01T22:59:59Z', '2025-03-01'],
    ['2025-03-01T23:00:00Z', '2025-03-02'], // winter time, UTC+1
    ['2025-06-30T21:59:59Z', '2025-06-30'],
    ['2025-06-30T22:00:00Z', '2025-07-01'], // summer time, UTC+2
  ])('puts %s on %s in Amsterdam', (instant, date) => {
    expect(isoDateOf(amsterdamDayNumber(new Date(instant)))).toBe(date);
  });

  it('reads ISO dates as day numbers and back', () => {
    expect(isoDayNumber('1970-01-02')).toBe(1);
    expect(isoDayNumber('2025-06-02') - isoDayNumber('2025-03-04')).toBe(90);
    expect(isoDayNumber('2025-06-02T23:00:00+02:00')).toBe(isoDayNumber('2025-06-02'));
    expect(isoDateOf(isoDayNumber('2024-02-29'))).toBe('2024-02-29');
  });

  it('marks malformed dates as NaN', () => {
    expect(isoDayNumber('02-06-2025')).toBeNaN();
    expect(isoDateOf(Number.NaN)).toBe('an invalid date');
  });
});
