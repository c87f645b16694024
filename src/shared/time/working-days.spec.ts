import fc from 'fast-check';

import { dutchDate } from './clock';
import { addWorkingDays, isWorkingDate, isWorkingDay, startOfDutchDay } from './working-days';

/** An Amsterdam wall-clock time as an instant (for readable examples; not at a clock change). */
const at = (local: string, offsetHours: 1 | 2) =>
  new Date(`${local}+0${offsetHours}:00`.replace(' ', 'T'));

const instants = fc
  .integer({ min: Date.parse('2024-01-01T00:00:00Z'), max: Date.parse('2031-12-31T00:00:00Z') })
  .map((ms) => new Date(ms));
const dayCounts = fc.integer({ min: 0, max: 60 });

describe('Dutch working days', () => {
  it.each([
    ['2026-01-01', false, 'Nieuwjaarsdag'],
    ['2026-04-03', true, 'Goede Vrijdag is a working day'],
    ['2026-04-06', false, 'Tweede Paasdag'],
    ['2026-04-27', false, 'Koningsdag'],
    ['2025-04-26', false, 'Koningsdag on the 26th when the 27th is a Sunday (a Saturday anyway)'],
    ['2026-05-05', true, 'Bevrijdingsdag is a working day'],
    ['2026-05-14', false, 'Hemelvaartsdag'],
    ['2026-05-25', false, 'Tweede Pinksterdag'],
    ['2026-12-25', false, 'Eerste Kerstdag'],
    ['2026-12-28', true, 'a Monday'],
    ['2026-12-26', false, 'Tweede Kerstdag (a Saturday)'],
    ['2027-12-27', true, 'a Monday after Christmas on a weekend: no substitute day'],
    ['2026-11-28', false, 'a Saturday'],
    ['2026-11-29', false, 'a Sunday'],
  ])('%s is a working day: %s (%s)', (date, expected) => {
    expect(isWorkingDate(date)).toBe(expected);
  });

  it('adds working days at the same clock time, skipping weekends and holidays', () => {
    // Friday 10:00 + 1 → Monday 10:00.
    expect(addWorkingDays(at('2026-11-27 10:00', 1), 1)).toEqual(at('2026-11-30 10:00', 1));
    // Thursday before Easter + 2 → (Goede Vrijdag counts) Tuesday after Tweede Paasdag.
    expect(addWorkingDays(at('2026-04-02 09:30', 2), 2)).toEqual(at('2026-04-07 09:30', 2));
    // Across Christmas and New Year: 2026-12-24 (Thu) + 3 → 12-28, 12-29, 12-30.
    expect(addWorkingDays(at('2026-12-24 16:00', 1), 3)).toEqual(at('2026-12-30 16:00', 1));
    // Across the clock change to summer time (29 March 2026): the clock time stays.
    expect(addWorkingDays(at('2026-03-27 14:00', 1), 1)).toEqual(at('2026-03-30 14:00', 2));
  });

  it('counts a start on a weekend or holiday from the beginning of the next working day', () => {
    expect(addWorkingDays(at('2026-11-28 09:00', 1), 1)).toEqual(at('2026-12-01 00:00', 1));
    expect(addWorkingDays(at('2026-12-25 12:00', 1), 2)).toEqual(at('2026-12-30 00:00', 1));
  });

  it('gives the start itself for zero days, and refuses a negative or fractional count', () => {
    const start = at('2026-11-28 09:00', 1);
    expect(addWorkingDays(start, 0)).toEqual(start);
    expect(() => addWorkingDays(start, -1)).toThrow(RangeError);
    expect(() => addWorkingDays(start, 1.5)).toThrow(RangeError);
  });

  it('finds the start of an Amsterdam day in winter, in summer and on clock-change days', () => {
    expect(startOfDutchDay('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(startOfDutchDay('2026-07-15').toISOString()).toBe('2026-07-14T22:00:00.000Z');
    expect(startOfDutchDay('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfDutchDay('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
  });

  describe('properties', () => {
    it('zero working days is the same instant', () => {
      fc.assert(
        fc.property(instants, (start) => addWorkingDays(start, 0).getTime() === start.getTime()),
      );
    });

    it('a deadline of one or more working days lies on a working day, after the start', () => {
      fc.assert(
        fc.property(instants, fc.integer({ min: 1, max: 60 }), (start, days) => {
          const deadline = addWorkingDays(start, days);
          return isWorkingDay(deadline) && deadline.getTime() > start.getTime();
        }),
      );
    });

    it('is monotone in the start', () => {
      fc.assert(
        fc.property(instants, instants, dayCounts, (a, b, days) => {
          const [early, late] = a <= b ? [a, b] : [b, a];
          return addWorkingDays(early, days).getTime() <= addWorkingDays(late, days).getTime();
        }),
        { numRuns: 500 },
      );
    });

    it('is monotone in the number of days', () => {
      fc.assert(
        fc.property(instants, dayCounts, dayCounts, (start, m, n) => {
          const [few, many] = m <= n ? [m, n] : [n, m];
          return addWorkingDays(start, few).getTime() <= addWorkingDays(start, many).getTime();
        }),
      );
    });

    it('N working days from a working day span exactly N working dates', () => {
      fc.assert(
        fc.property(instants, fc.integer({ min: 1, max: 30 }), (start, days) => {
          fc.pre(isWorkingDay(start));
          const end = dutchDate(addWorkingDays(start, days));
          let count = 0;
          for (let d = dutchDate(start); d < end;) {
            d = dutchDate(new Date(startOfDutchDay(d).getTime() + 26 * 3_600_000));
            if (isWorkingDate(d)) count++;
          }
          return count === days;
        }),
      );
    });
  });
});
