import { generatePairs } from './pair-generator';
import { generatePopulation } from './population-generator';
import { insideNetherlands, NOORD_MIDDEN_LIMBURG } from './synthetic-geography';

describe('generatePopulation', () => {
  it('gives the same population for the same seed and another for another seed', () => {
    const options = { seed: 5, clients: 200, units: 100, geography: 'national' } as const;
    const first = generatePopulation(options);

    expect(generatePopulation(options)).toEqual(first);
    expect(generatePopulation({ ...options, seed: 6 }).units).not.toEqual(first.units);
  });

  it('places a national population inside the Netherlands', () => {
    const { units, context } = generatePopulation({
      seed: 5,
      clients: 10,
      units: 500,
      geography: 'national',
    });
    for (const centre of context.municipalities.values()) {
      expect(insideNetherlands(centre.lat, centre.lon)).toBe(true);
    }
    for (const { location } of units) {
      expect(location.lat).toBeGreaterThan(50.6);
      expect(location.lat).toBeLessThan(53.6);
    }
  });

  it('uses the 14 municipalities of Noord- en Midden-Limburg for the region', () => {
    const { clients, units, context } = generatePopulation({
      seed: 5,
      clients: 300,
      units: 100,
      geography: 'noord-midden-limburg',
    });
    const codes = new Set(NOORD_MIDDEN_LIMBURG.map((m) => m.code));

    expect(new Set(units.map((u) => u.municipalityCode)).size).toBeGreaterThan(8);
    for (const unit of units) expect(codes.has(unit.municipalityCode)).toBe(true);
    for (const client of clients) {
      expect(codes.has(client.municipalityOfBelonging)).toBe(true);
      expect(client.routes.length).toBeGreaterThan(0);
    }
    const share = [...(context.fairShare?.values() ?? [])].reduce((sum, s) => sum + s, 0);
    expect(share).toBeCloseTo(1, 9);
  });

  it('yields tens of allowed pairs per client, from a small part of all pairs', () => {
    const { clients, units, context } = generatePopulation({
      seed: 5,
      clients: 1500,
      units: 500,
      geography: 'noord-midden-limburg',
    });
    const { stats } = generatePairs(clients, units, context);
    const perClient = stats.allowedPairs / stats.clients;

    expect(perClient).toBeGreaterThan(10);
    expect(perClient).toBeLessThan(150);
    expect(stats.candidatesVisited).toBeLessThan(clients.length * units.length);
  });
});
