import { rankCandidates, scoredPairAt } from './candidate-ranking';
import { evaluatePair } from './pair-evaluator';
import { generatePairs } from './pair-generator';
import { generatePopulation } from './population-generator';
import { aClient, aContext, aUnit } from './test-factories';

describe('rankCandidates', () => {
  it('ranks exactly the allowed clients, best first, with their breakdowns', () => {
    const { clients, units, context } = generatePopulation({
      seed: 21,
      clients: 400,
      units: 60,
      geography: 'noord-midden-limburg',
    });
    const unit = units.find((u) => generatePairs(clients, [u], context).count >= 5)!;

    const ranked = rankCandidates(unit, clients, context);
    const allowed = clients
      .map((client) => evaluatePair(client, unit, context))
      .filter((evaluation) => evaluation.allowed);

    expect(ranked.map((candidate) => candidate.clientId).sort()).toEqual(
      allowed.map((evaluation) => evaluation.clientId).sort(),
    );
    // In tier order: urgent first, then the longer wait, then the score.
    for (let i = 1; i < ranked.length; i++) {
      const [a, b] = [ranked[i - 1]!, ranked[i]!];
      const key = (c: typeof a) => [Number(c.urgent), c.waitDays, c.score];
      const [ka, kb] = [key(a), key(b)];
      const firstDifference = ka.findIndex((value, k) => value !== kb[k]);
      if (firstDifference >= 0) expect(ka[firstDifference]).toBeGreaterThan(kb[firstDifference]!);
    }
    const top = allowed.find((evaluation) => evaluation.clientId === ranked[0]!.clientId)!;
    expect(ranked[0]).toEqual({
      clientId: top.clientId,
      score: top.score,
      breakdown: top.breakdown,
      policyVersion: context.policy.version,
      urgent: expect.any(Boolean),
      waitDays: expect.any(Number),
    });
  });

  it('breaks ties by the longer wait, then by client id', () => {
    const ctx = aContext();
    const clients = [
      aClient({ id: 'c3' }),
      aClient({ id: 'c1' }),
      aClient({ id: 'c2', readySince: '2024-06-01' }),
      aClient({ id: 'c0', hasConsent: false }),
    ];
    const ranked = rankCandidates(aUnit(), clients, ctx);

    expect(ranked.map((candidate) => candidate.clientId)).toEqual(['c2', 'c1', 'c3']);
    expect(rankCandidates(aUnit(), [...clients].reverse(), ctx)).toEqual(ranked);
  });

  it('returns nobody for a unit that is not available in time', () => {
    expect(rankCandidates(aUnit({ availableFrom: '2026-01-01' }), [aClient()], aContext())).toEqual(
      [],
    );
  });
});

describe('scoredPairAt', () => {
  it('turns a generated pair into ids, score and a breakdown object', () => {
    const client = aClient();
    const unit = aUnit();
    const ctx = aContext();
    const pairs = generatePairs([client], [unit], ctx);
    const evaluation = evaluatePair(client, unit, ctx);

    expect(scoredPairAt(pairs, 0, [client], [unit])).toEqual({
      clientId: 'c1',
      unitId: 'u1',
      score: evaluation.score,
      breakdown: evaluation.breakdown,
      policyVersion: 7,
    });
    expect(() => scoredPairAt(pairs, 1, [client], [unit])).toThrow(RangeError);
  });
});
