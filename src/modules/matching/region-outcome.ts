import type { RegionMatchResult } from './engine/region-match';

/**
 * A region's match as a run stores it: the passed-over report already as the JSON it is stored
 * as. The report is only ever stored (thousands of small objects nationally), so it is written
 * where it is made, in the engine thread, and crosses to the run as one string: a copy, where the
 * objects would cost a structured clone there and a JSON.stringify here.
 */
export interface RegionOutcome extends Omit<RegionMatchResult, 'passedOver'> {
  passedOverJson: string;
}

export function regionOutcome(result: RegionMatchResult): RegionOutcome {
  const { passedOver, ...rest } = result;
  return { ...rest, passedOverJson: JSON.stringify(passedOver) };
}
