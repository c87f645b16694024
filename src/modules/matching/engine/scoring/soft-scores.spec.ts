import fc from 'fast-check';

import {
  SCORE_CRITERIA,
  STIMULUS_LEVELS,
  STIMULUS_NEEDS,
  SUPPORT_INTENSITIES,
} from '../../../../shared/domain/vocabulary';
import type { ScoreWeights } from '../engine.types';
import { evaluatePair } from './pair-evaluator';
import {
  assertValidWeights,
  begeleidingScore,
  capHeadroom,
  fairShareHeadroom,
  locationScore,
  nearnessScore,
  preferenceScore,
  prikkelarmScore,
  spreidingScore,
  extraBedrooms,
  fitScore,
  OTHER_PROVIDER_CONTINUITY,
  scarcityPenalties,
  scarcityPenaltyTotal,
  supportHeadroom,
  waitProgress,
  weightedScore,
} from './soft-scores';
import { aClient, aContext, aUnit, VENLO } from './test-factories';

const anyNumber = fc.oneof(
  fc.double({ noNaN: false }),
  fc.constantFrom(0, -1, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN),
);
const distance = fc.double({ min: 0, max: 500, noNaN: true });
const maxDistance = fc.double({ min: 0, max: 100, noNaN: true });
const rank = fc.integer({ min: -1, max: 6 });
const load = fc.integer({ min: 0, max: 50 });
const inUnitInterval = (value: number): boolean => value >= 0 && value <= 1;

describe('location', () => {
  it('is 1 at an anchor, ½ at half the maximum distance and ¼ at the maximum', () => {
    expect(nearnessScore(0, 15)).toBe(1);
    expect(nearnessScore(7.5, 15)).toBeCloseTo(0.5, 12);
    expect(nearnessScore(15, 15)).toBeCloseTo(0.25, 12);
    expect(nearnessScore(Number.POSITIVE_INFINITY, 15)).toBe(0);
    expect(nearnessScore(2, 0)).toBeCloseTo(0.25, 12); // the half-distance never drops below 1 km
  });

  it('weights preferred municipalities by rank', () => {
    expect(preferenceScore(-1)).toBe(0);
    expect(preferenceScore(0)).toBeCloseTo(0.8, 12);
    expect(preferenceScore(1)).toBeCloseTo(0.6, 12);
    expect(preferenceScore(2)).toBeCloseTo(0.45, 12);
    expect(locationScore(Number.POSITIVE_INFINITY, -1, 15)).toBe(0);
    expect(locationScore(Number.POSITIVE_INFINITY, 0, 15)).toBeCloseTo(0.8, 12);
    expect(locationScore(7.5, 0, 15)).toBeCloseTo(0.9, 12);
  });

  it('is higher when nearer', () => {
    fc.assert(
      fc.property(distance, distance, rank, maxDistance, (a, b, r, max) => {
        const [near, far] = a <= b ? [a, b] : [b, a];
        expect(locationScore(near, r, max)).toBeGreaterThanOrEqual(locationScore(far, r, max));
      }),
    );
    expect(locationScore(1, -1, 15)).toBeGreaterThan(locationScore(2, -1, 15));
    expect(locationScore(1, 2, 15)).toBeGreaterThan(locationScore(2, 2, 15));
  });

  it('is higher for a better-ranked preference', () => {
    fc.assert(
      fc.property(distance, fc.integer({ min: 0, max: 5 }), maxDistance, (d, r, max) => {
        expect(locationScore(d, r, max)).toBeGreaterThanOrEqual(locationScore(d, r + 1, max));
        expect(locationScore(d, r, max)).toBeGreaterThanOrEqual(locationScore(d, -1, max));
      }),
    );
  });
});

describe('spreiding', () => {
  const base = {
    neighbourhoodLoad: 0,
    neighbourhoodCap: 3,
    municipalityLoad: 0,
    municipalityCap: undefined,
    share: 0.1,
    totalLoad: 0,
  };

  it('is 1 for an empty neighbourhood in an empty municipality', () => {
    expect(spreidingScore(base)).toBe(1);
  });

  it('halves the municipality part at exactly its fair share', () => {
    expect(fairShareHeadroom(10, 0.1, 100)).toBeCloseTo(0.5, 12);
    expect(fairShareHeadroom(20, 0.1, 100)).toBeCloseTo(1 / 3, 12);
    // A fair part is at least one placement.
    expect(fairShareHeadroom(1, 0.1, 1)).toBeCloseTo(0.5, 12);
    expect(fairShareHeadroom(1, 0, 5)).toBeCloseTo(0.5, 12);
  });

  it('measures cap headroom from 1 (empty) to 0 (full)', () => {
    expect(capHeadroom(0, 3)).toBe(1);
    expect(capHeadroom(1, 3)).toBeCloseTo(2 / 3, 12);
    expect(capHeadroom(3, 3)).toBe(0);
    expect(capHeadroom(5, undefined)).toBe(1);
    expect(capHeadroom(5, Number.POSITIVE_INFINITY)).toBe(1);
    expect(capHeadroom(0, 0)).toBe(0);
  });

  it('is lower in a fuller neighbourhood', () => {
    fc.assert(
      fc.property(load, load, fc.integer({ min: 1, max: 20 }), (a, b, cap) => {
        const [less, more] = a <= b ? [a, b] : [b, a];
        const score = (n: number): number =>
          spreidingScore({ ...base, neighbourhoodLoad: n, neighbourhoodCap: cap });
        expect(score(less)).toBeGreaterThanOrEqual(score(more));
      }),
    );
    expect(spreidingScore({ ...base, neighbourhoodLoad: 1 })).toBeLessThan(spreidingScore(base));
  });

  it('is lower in a fuller municipality, against its cap and its fair share', () => {
    fc.assert(
      fc.property(
        load,
        load,
        load,
        fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, b, elsewhere, cap, share) => {
          const [less, more] = a <= b ? [a, b] : [b, a];
          const score = (m: number): number =>
            spreidingScore({
              ...base,
              municipalityLoad: m,
              municipalityCap: cap,
              share,
              totalLoad: m + elsewhere,
            });
          // Up to rounding: with no load elsewhere the fair-share headroom is share / (share + 1)
          // at every load, computed from different operands (a last-digit difference otherwise).
          expect(score(less)).toBeGreaterThanOrEqual(score(more) - 1e-12);
        },
      ),
    );
    expect(spreidingScore({ ...base, municipalityLoad: 2, totalLoad: 2 })).toBeLessThan(
      spreidingScore({ ...base, municipalityLoad: 1, totalLoad: 1 }),
    );
  });
});

describe('prikkelarm', () => {
  it('fits low stimulus to every need and nothing else to a required need', () => {
    for (const need of STIMULUS_NEEDS) expect(prikkelarmScore(need, 'low')).toBeGreaterThan(0.5);
    expect(prikkelarmScore('required', 'medium')).toBe(0);
    expect(prikkelarmScore('required', 'high')).toBe(0);
    expect(prikkelarmScore('preferred', 'medium')).toBe(0.5);
    expect(prikkelarmScore('none', 'high')).toBe(1);
    // Scarcity is the penalty's business: fit says a quiet home suits a client with no need.
    expect(prikkelarmScore('none', 'low')).toBe(1);
  });

  it('ranks quieter units higher for a client who prefers them', () => {
    const scores = STIMULUS_LEVELS.map((level) => prikkelarmScore('preferred', level));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});

describe('begeleiding', () => {
  it('is 0 when the own provider does not cover the municipality', () => {
    for (const intensity of SUPPORT_INTENSITIES) expect(begeleidingScore(intensity, null)).toBe(0);
    expect(supportHeadroom(undefined)).toBeNull();
  });

  it('follows free capacity fully for intensive support and only a little for light support', () => {
    expect(supportHeadroom({ capacity: 10, used: 4 })).toBeCloseTo(0.6, 12);
    expect(begeleidingScore('intensive', 0.6)).toBeCloseTo(0.6, 12);
    expect(begeleidingScore('regular', 0.6)).toBeCloseTo(0.8, 12);
    expect(begeleidingScore('light', 0.6)).toBeCloseTo(0.9, 12);
    expect(begeleidingScore('light', 0)).toBeCloseTo(0.75, 12);
  });

  it('counts another contracted provider at the continuity fraction of the own team', () => {
    expect(begeleidingScore('regular', 0.6, false)).toBeCloseTo(
      0.8 * OTHER_PROVIDER_CONTINUITY,
      12,
    );
    expect(begeleidingScore('regular', 0.6, false)).toBeLessThan(begeleidingScore('regular', 0.6));
  });

  it('is higher with more headroom', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom(...SUPPORT_INTENSITIES),
        (a, b, intensity) => {
          const [less, more] = a <= b ? [a, b] : [b, a];
          expect(begeleidingScore(intensity, more)).toBeGreaterThanOrEqual(
            begeleidingScore(intensity, less),
          );
        },
      ),
    );
  });
});

describe('wait progress', () => {
  it('rises linearly to 1 at maxWaitDays and is 1 when urgent', () => {
    expect(waitProgress(0, false, 365)).toBe(0);
    expect(waitProgress(73, false, 365)).toBeCloseTo(0.2, 12);
    expect(waitProgress(365, false, 365)).toBe(1);
    expect(waitProgress(0, true, 365)).toBe(1);
  });

  it('never falls with a longer wait', () => {
    fc.assert(
      fc.property(fc.nat(5000), fc.nat(5000), fc.nat(2000), (a, b, max) => {
        const [shorter, longer] = a <= b ? [a, b] : [b, a];
        expect(waitProgress(longer, false, max)).toBeGreaterThanOrEqual(
          waitProgress(shorter, false, max),
        );
      }),
    );
  });
});

describe('scarcity penalty', () => {
  const scarcity = { wheelchair: 0.05, lowStimulus: 0.04, extraBedroom: 0.03 };

  it('charges each unneeded scarce feature, and bedrooms beyond max(1, needed)', () => {
    expect(extraBedrooms(1, 0)).toBe(0);
    expect(extraBedrooms(3, 0)).toBe(2);
    expect(extraBedrooms(3, 2)).toBe(1);
    expect(scarcityPenalties(true, true, 2, scarcity)).toEqual({
      wheelchair: 0.05,
      lowStimulus: 0.04,
      extraBedroom: 0.06,
    });
    expect(scarcityPenaltyTotal(true, true, 2, scarcity)).toBeCloseTo(0.15, 12);
    expect(scarcityPenaltyTotal(false, false, 0, scarcity)).toBe(0);
  });

  it('is taken off the fit, which stays in [0, 1]', () => {
    expect(fitScore(0.8, 0.15)).toBeCloseTo(0.65, 12);
    expect(fitScore(0.1, 0.15)).toBe(0);
  });

  it('gives a wheelchair-accessible, quiet, three-bedroom home a lower score for a single client who needs none of it', () => {
    const ctx = aContext();
    const plain = evaluatePair(aClient(), aUnit({ stimulus: 'medium' }), ctx);
    const scarce = evaluatePair(
      aClient(),
      aUnit({ stimulus: 'low', wheelchairAccessible: true, bedrooms: 3 }),
      ctx,
    );
    expect(scarce.penalties).toEqual({ wheelchair: 0.05, lowStimulus: 0.05, extraBedroom: 0.06 });
    expect(scarce.score).toBeCloseTo(plain.score - 0.16, 12);
    const needing = aClient({
      needs: { groundFloorOrLift: false, wheelchair: true },
      stimulusNeed: 'required',
      household: { adults: 1, children: 4 },
    });
    expect(
      evaluatePair(
        needing,
        aUnit({ stimulus: 'low', wheelchairAccessible: true, bedrooms: 3 }),
        ctx,
      ).penalties,
    ).toEqual({ wheelchair: 0, lowStimulus: 0, extraBedroom: 0 });
  });
});

describe('every soft score', () => {
  it('stays within [0, 1] for any input', () => {
    fc.assert(
      fc.property(anyNumber, anyNumber, anyNumber, anyNumber, anyNumber, (a, b, c, d, e) => {
        const values = [
          nearnessScore(a, b),
          locationScore(a, Math.trunc(Number.isFinite(c) ? c : -1), b),
          capHeadroom(a, b),
          fairShareHeadroom(a, b, c),
          spreidingScore({
            neighbourhoodLoad: a,
            neighbourhoodCap: b,
            municipalityLoad: c,
            municipalityCap: d,
            share: e,
            totalLoad: a,
          }),
          supportHeadroom({ capacity: a, used: b }) ?? 0,
          begeleidingScore('regular', supportHeadroom({ capacity: a, used: b })),
          waitProgress(a, e > 0, c),
        ];
        for (const value of values) expect(inUnitInterval(value)).toBe(true);
      }),
    );
  });
});

describe('weights', () => {
  const criterion = fc.double({ min: 0, max: 1, noNaN: true });
  const breakdown = fc.tuple(criterion, criterion, criterion, criterion);
  const weights = fc
    .tuple(
      fc.double({ min: 0, max: 10, noNaN: true }),
      fc.double({ min: 0, max: 10, noNaN: true }),
      fc.double({ min: 0, max: 10, noNaN: true }),
      fc.double({ min: 0, max: 10, noNaN: true }),
      fc.double({ min: 0, max: 10, noNaN: true }),
    )
    .filter((w) => w.slice(0, 4).some((x) => x > 1e-6))
    .map(([location, spreiding, prikkelarm, begeleiding, wait]): ScoreWeights => ({
      location,
      spreiding,
      prikkelarm,
      begeleiding,
      wait,
    }));

  it('gives exactly the criterion when it is the only weight', () => {
    fc.assert(
      fc.property(
        breakdown,
        fc.constantFrom(...SCORE_CRITERIA.filter((criterion) => criterion !== 'wait')),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (s, only, w) => {
          const single = {
            location: 0,
            spreiding: 0,
            prikkelarm: 0,
            begeleiding: 0,
            wait: 0,
            [only]: w,
          };
          const expected = s[SCORE_CRITERIA.indexOf(only)] as number;
          expect(weightedScore(...s, single)).toBeCloseTo(expected, 12);
        },
      ),
    );
  });

  it('is a weighted mean in [0, 1] that scaling all weights does not change', () => {
    fc.assert(
      fc.property(
        breakdown,
        weights,
        fc.double({ min: 0.001, max: 1000, noNaN: true }),
        (s, w, k) => {
          const score = weightedScore(...s, w);
          expect(inUnitInterval(score)).toBe(true);
          expect(score).toBeGreaterThanOrEqual(Math.min(...s) - 1e-12);
          expect(score).toBeLessThanOrEqual(Math.max(...s) + 1e-12);
          const scaled = {
            location: w.location * k,
            spreiding: w.spreiding * k,
            prikkelarm: w.prikkelarm * k,
            begeleiding: w.begeleiding * k,
            wait: w.wait * k,
          };
          expect(weightedScore(...s, scaled)).toBeCloseTo(score, 10);
        },
      ),
    );
  });

  it('computes Σ wᵢ·sᵢ / Σ wᵢ', () => {
    // The wait weight takes no part: waiting is a tier, not fit.
    const w = { location: 1, spreiding: 2, prikkelarm: 0, begeleiding: 0, wait: 1 };
    expect(weightedScore(0.5, 1, 0.3, 0.3, w)).toBeCloseTo((0.5 + 2) / 3, 12);
  });

  it('refuses negative, non-finite or all-zero weights', () => {
    const ok = { location: 1, spreiding: 0, prikkelarm: 0, begeleiding: 0, wait: 0 };
    expect(() => {
      assertValidWeights(ok);
    }).not.toThrow();
    expect(() => {
      assertValidWeights({ ...ok, spreiding: -0.1 });
    }).toThrow(RangeError);
    expect(() => {
      assertValidWeights({ ...ok, wait: Number.NaN });
    }).toThrow(RangeError);
    expect(() => {
      assertValidWeights({ ...ok, location: 0 });
    }).toThrow(RangeError);
    // Only the wait weight above 0 leaves no fit to score.
    expect(() => {
      assertValidWeights({ ...ok, location: 0, wait: 1 });
    }).toThrow(RangeError);
  });

  it('combine into the score of a pair evaluation, without the wait', () => {
    const ctx = aContext({
      policy: { weights: { location: 0, spreiding: 3, prikkelarm: 0, begeleiding: 0, wait: 3 } },
    });
    const urgent = evaluatePair(aClient({ urgent: true }), aUnit({ stimulus: 'medium' }), ctx);
    const waiting = evaluatePair(aClient(), aUnit({ stimulus: 'medium' }), ctx);

    expect(urgent.score).toBeCloseTo(urgent.breakdown.spreiding, 12);
    expect(urgent.breakdown.wait).toBe(1);
    expect(waiting.score).toBe(urgent.score);
    expect(urgent.policyVersion).toBe(7);
  });
});

describe('pair evaluation', () => {
  it('scores a nearer unit higher on location, a fuller neighbourhood lower on spreiding', () => {
    const ctx = aContext();
    const near = evaluatePair(aClient(), aUnit({ location: { lat: 51.361, lon: 6.161 } }), ctx);
    const far = evaluatePair(aClient(), aUnit({ location: { lat: 51.42, lon: 6.2 } }), ctx);
    expect(near.breakdown.location).toBeGreaterThan(far.breakdown.location);

    const fuller = aContext({
      load: { neighbourhoods: new Map([['BU09830101', 2]]), municipalities: new Map([[VENLO, 4]]) },
    });
    expect(evaluatePair(aClient(), aUnit(), fuller).breakdown.spreiding).toBeLessThan(
      evaluatePair(aClient(), aUnit(), ctx).breakdown.spreiding,
    );
  });

  it('counts the wait from readySince to today', () => {
    const ctx = aContext({ policy: { maxWaitDays: 180 } });
    // 2025-03-04 is 90 days before 2025-06-02.
    expect(
      evaluatePair(aClient({ readySince: '2025-03-04' }), aUnit(), ctx).breakdown.wait,
    ).toBeCloseTo(0.5, 12);
    expect(evaluatePair(aClient({ readySince: '2025-07-01' }), aUnit(), ctx).breakdown.wait).toBe(
      0,
    );
  });
});
