/**
 * The household rule: how many bedrooms a household needs. The engine knows no ages or genders
 * (privacy by design), so the rule uses counts only.
 *
 * - One adult without children needs no separate bedroom: a studio (0 bedrooms) fits.
 * - Otherwise one or two adults share one bedroom (as a couple); each adult beyond two needs a
 *   bedroom of their own (an adult child, a relative).
 * - Children share two to a bedroom: ⌈children / 2⌉.
 */
export function bedroomsNeeded(household: { adults: number; children: number }): number {
  const adults = Math.max(1, Math.floor(household.adults));
  const children = Math.max(0, Math.ceil(household.children));
  if (adults === 1 && children === 0) return 0;
  const adultBedrooms = adults <= 2 ? 1 : adults - 1;
  return adultBedrooms + Math.ceil(children / 2);
}
