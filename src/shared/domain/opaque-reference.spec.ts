import { containsBsn, containsDate, identifyingPart } from './opaque-reference';

describe('opaque references', () => {
  it.each([
    ['Jan.de.Vries.1985-03-14'],
    ['Jan.de.Vries.7'],
    ['geb.14-03-1985'],
    ['geb14031985'],
    ['C-19850314'],
    ['C-14.3.85'],
    ['diagnose.F20.0'],
    ['ZDB-F20.0'],
    ['ZDB-F43'],
    ['Z59.0-12'],
    ['BSN-4471'],
    ['1112.22.333'],
    ['111-222-333'],
    ['ZDB-111222333'],
    ['12345672'],
    ['123456782'],
    ['Vries'],
  ])('refuses %s', (ref) => {
    expect(identifyingPart(ref)).toEqual(expect.any(String));
  });

  it.each([
    ['WZ-2026-0042'],
    ['WM-U-0001'],
    ['ZDB-C-9001'],
    ['U-12345-mi5k2x1-3'],
    ['2026/17'],
    ['F2024-7'],
    ['A-1.2'],
    ['1112223330'],
  ])('accepts %s', (ref) => {
    expect(identifyingPart(ref)).toBeUndefined();
  });

  it('finds a BSN written in groups, and an eight-digit one, but not ten digits', () => {
    expect(containsBsn('1234.56.782')).toBe(true);
    expect(containsBsn('12-34-56-782')).toBe(true);
    expect(containsBsn('12345672')).toBe(true);
    expect(containsBsn('1234567820')).toBe(false);
    expect(containsBsn('12345673')).toBe(false);
  });

  it('finds dates day-first and year-first, but not impossible ones', () => {
    expect(containsDate('14-03-1985')).toBe(true);
    expect(containsDate('1985.3.14')).toBe(true);
    expect(containsDate('31021985')).toBe(false);
    expect(containsDate('2026-0042')).toBe(false);
    expect(containsDate('40-13-1985')).toBe(false);
  });
});
