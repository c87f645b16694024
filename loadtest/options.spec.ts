import { rateOption } from './options';

describe('a rate option', () => {
  it("is the target's rate when not given, and the rate given otherwise", () => {
    expect(rateOption('write-rate', undefined, 50)).toBe(50);
    expect(rateOption('write-rate', '10', 50)).toBe(10);
    expect(rateOption('read-rate', '2.5', 500)).toBe(2.5);
  });

  it('refuses what is not a rate above zero, naming the option', () => {
    for (const given of ['', ' ', 'ten', '0', '-5', 'Infinity']) {
      expect(() => rateOption('write-rate', given, 50)).toThrow(
        `--write-rate must be a number of requests a second above 0, not "${given}"`,
      );
    }
  });
});
