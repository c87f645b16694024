/** A `--…-rate` option: requests a second, above zero; the target's when not given. */
export function rateOption(name: string, given: string | undefined, target: number): number {
  if (given === undefined) return target;
  const rate = Number(given);
  if (given.trim() === '' || !Number.isFinite(rate) || rate <= 0) {
    throw new Error(`--${name} must be a number of requests a second above 0, not "${given}"`);
  }
  return rate;
}
