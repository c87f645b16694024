/** fast-check arbitraries for assignment instances, and a checker for solutions (tests only). */
import fc from 'fast-check';

import { createSeededRandom } from '../../../../../shared/random/seeded-random';
import type { AssignmentInstance, AssignmentSolution } from '../assignment.types';
import { generateAssignmentInstance, PRIORITY_SHAPE, withPriorities } from '../instance.generator';

export interface InstanceLimits {
  maxClients: number;
  maxUnits: number;
  /** Chance that a client–unit combination is an allowed pair. */
  density: number;
  /** Whether some pairs are already under review. */
  withFixed: boolean;
}

/** Scores with many ties (quarters) mixed with arbitrary ones. */
const scoreArbitrary = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 4 }).map((k) => k / 4) },
  { weight: 1, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
);

/**
 * Small instances: up to 4 neighbourhoods in up to 3 municipalities, caps on some areas (0
 * included), sparse pairs, and optionally fixed pairs (not always among the allowed pairs, and
 * sometimes already over a cap).
 */
export function instanceArbitrary(limits: InstanceLimits): fc.Arbitrary<AssignmentInstance> {
  return fc
    .record({
      clients: fc.integer({ min: 0, max: limits.maxClients }),
      units: fc.integer({ min: 0, max: limits.maxUnits }),
      neighbourhoods: fc.integer({ min: 1, max: 4 }),
      municipalities: fc.integer({ min: 1, max: 3 }),
    })
    .chain((size) =>
      fc.record({
        size: fc.constant(size),
        neighbourhoodMunicipality: fc.array(fc.nat(size.municipalities - 1), {
          minLength: size.neighbourhoods,
          maxLength: size.neighbourhoods,
        }),
        unitNeighbourhood: fc.array(fc.nat(size.neighbourhoods - 1), {
          minLength: size.units,
          maxLength: size.units,
        }),
        allowed: fc.array(
          fc.oneof(
            { weight: Math.round(100 * (1 - limits.density)), arbitrary: fc.constant(null) },
            { weight: Math.round(100 * limits.density), arbitrary: scoreArbitrary },
          ),
          { minLength: size.clients * size.units, maxLength: size.clients * size.units },
        ),
        neighbourhoodCaps: fc.array(fc.option(fc.integer({ min: 0, max: 3 })), {
          minLength: size.neighbourhoods,
          maxLength: size.neighbourhoods,
        }),
        municipalityCaps: fc.array(fc.option(fc.integer({ min: 0, max: 4 })), {
          minLength: size.municipalities,
          maxLength: size.municipalities,
        }),
        fixed:
          limits.withFixed && size.clients > 0 && size.units > 0
            ? fc.array(fc.tuple(fc.nat(size.clients - 1), fc.nat(size.units - 1)), {
                maxLength: 3,
              })
            : fc.constant([]),
      }),
    )
    .map(({ size, neighbourhoodMunicipality, unitNeighbourhood, allowed, ...rest }) => {
      const municipalityOf = (n: number): string => `GM${neighbourhoodMunicipality[n] ?? 0}`;
      const instance: AssignmentInstance = {
        clients: Array.from({ length: size.clients }, (_, c) => ({ id: `c${c}` })),
        units: unitNeighbourhood.map((n, u) => ({
          id: `u${u}`,
          neighbourhood: `BU${n}`,
          municipality: municipalityOf(n),
        })),
        caps: { neighbourhoods: {}, municipalities: {} },
        pairs: [],
      };
      allowed.forEach((score, i) => {
        if (score === null) return;
        const c = Math.floor(i / size.units);
        const u = i % size.units;
        instance.pairs.push({ client: `c${c}`, unit: `u${u}`, score });
      });
      rest.neighbourhoodCaps.forEach((cap, n) => {
        if (cap !== null && instance.caps.neighbourhoods)
          instance.caps.neighbourhoods[`BU${n}`] = cap;
      });
      rest.municipalityCaps.forEach((cap, m) => {
        if (cap !== null && instance.caps.municipalities) {
          instance.caps.municipalities[`GM${m}`] = cap;
        }
      });
      if (rest.fixed.length > 0) {
        const clients = new Set<number>();
        const units = new Set<number>();
        instance.fixed = [];
        for (const [c, u] of rest.fixed) {
          if (clients.has(c) || units.has(u)) continue;
          clients.add(c);
          units.add(u);
          instance.fixed.push({ client: `c${c}`, unit: `u${u}` });
        }
      }
      return instance;
    });
}

/**
 * Adds the tier and group fields to instances: some clients urgent, waits with many ties (and
 * sometimes years), and up to three capacity groups of 0–2 that some pairs use.
 */
export function withTiersAndGroups(
  base: fc.Arbitrary<AssignmentInstance>,
  options: { groups: boolean } = { groups: true },
): fc.Arbitrary<AssignmentInstance> {
  return base.chain((instance) =>
    fc
      .record({
        urgent: fc.array(fc.boolean(), {
          minLength: instance.clients.length,
          maxLength: instance.clients.length,
        }),
        waits: fc.array(
          fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 1_500 })),
          { minLength: instance.clients.length, maxLength: instance.clients.length },
        ),
        capacities: options.groups
          ? fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 3 })
          : fc.constant<number[]>([]),
        pairGroups: fc.array(fc.nat(5), {
          minLength: instance.pairs.length,
          maxLength: instance.pairs.length,
        }),
      })
      .map(({ urgent, waits, capacities, pairGroups }) => {
        const copy: AssignmentInstance = {
          ...instance,
          clients: instance.clients.map((client, i) => ({
            id: client.id,
            urgent: urgent[i] ?? false,
            waitDays: waits[i] ?? 0,
          })),
        };
        if (capacities.length > 0) {
          copy.groups = Object.fromEntries(capacities.map((cap, g) => [`g${g}`, cap]));
          // Group index ≥ the number of groups: the pair uses none.
          copy.pairs = instance.pairs.map((pair, i) => {
            const g = pairGroups[i] ?? 0;
            return g < capacities.length ? { ...pair, group: `g${g}` } : pair;
          });
        }
        return copy;
      }),
  );
}

/** The same instance with every array in another order. */
export function shuffled(instance: AssignmentInstance, seed: number): AssignmentInstance {
  const random = createSeededRandom(seed);
  const copy: AssignmentInstance = {
    clients: random.shuffle(instance.clients),
    units: random.shuffle(instance.units),
    caps: instance.caps,
    pairs: random.shuffle(instance.pairs),
  };
  if (instance.fixed) copy.fixed = random.shuffle(instance.fixed);
  if (instance.groups) copy.groups = instance.groups;
  return copy;
}

/** Everything wrong with a solution, as sentences; empty when it is feasible and consistent. */
export function violations(instance: AssignmentInstance, solution: AssignmentSolution): string[] {
  const problems: string[] = [];
  const score = new Map(instance.pairs.map((p) => [`${p.client}|${p.unit}`, p.score]));
  const fixed = new Set((instance.fixed ?? []).map((p) => `${p.client}|${p.unit}`));
  const unitById = new Map(instance.units.map((unit) => [unit.id, unit]));
  const clients = new Set<string>();
  const units = new Set<string>();
  const neighbourhoodUse = new Map<string, number>();
  const municipalityUse = new Map<string, number>();
  const neighbourhoodFixed = new Map<string, number>();
  const municipalityFixed = new Map<string, number>();
  let micro = 0;
  for (const { client, unit } of solution.assignment) {
    const key = `${client}|${unit}`;
    if (clients.has(client)) problems.push(`client ${client} twice`);
    if (units.has(unit)) problems.push(`unit ${unit} twice`);
    clients.add(client);
    units.add(unit);
    if (!score.has(key) && !fixed.has(key)) problems.push(`${key} is not an allowed pair`);
    micro += Math.round((score.get(key) ?? 0) * 1_000_000);
    const area = unitById.get(unit);
    if (!area) {
      problems.push(`unknown unit ${unit}`);
      continue;
    }
    bump(neighbourhoodUse, area.neighbourhood);
    bump(municipalityUse, area.municipality);
    if (fixed.has(key)) {
      bump(neighbourhoodFixed, area.neighbourhood);
      bump(municipalityFixed, area.municipality);
    }
  }
  for (const pair of instance.fixed ?? []) {
    if (!solution.assignment.some((a) => a.client === pair.client && a.unit === pair.unit)) {
      problems.push(`fixed pair ${pair.client}|${pair.unit} missing`);
    }
  }
  const overCap = (
    caps: Record<string, number> | undefined,
    use: Map<string, number>,
    fixedUse: Map<string, number>,
  ): void => {
    for (const [area, count] of use) {
      const cap = caps?.[area];
      // Fixed pairs may exceed a cap on their own; nothing may be added to them then.
      if (cap !== undefined && count > Math.max(cap, fixedUse.get(area) ?? 0)) {
        problems.push(`${area} holds ${count} > cap ${cap}`);
      }
    }
  };
  overCap(instance.caps.neighbourhoods, neighbourhoodUse, neighbourhoodFixed);
  overCap(instance.caps.municipalities, municipalityUse, municipalityFixed);
  const groupOf = new Map(instance.pairs.map((p) => [`${p.client}|${p.unit}`, p.group]));
  const groupUse = new Map<string, number>();
  const groupFixed = new Map<string, number>();
  for (const { client, unit } of solution.assignment) {
    const group = groupOf.get(`${client}|${unit}`);
    if (group === undefined) continue;
    bump(groupUse, group);
    if (fixed.has(`${client}|${unit}`)) bump(groupFixed, group);
  }
  overCap(instance.groups, groupUse, groupFixed);
  if (solution.urgent !== undefined || solution.waitDays !== undefined) {
    const clientById = new Map(instance.clients.map((c) => [c.id, c]));
    let urgent = 0;
    let waitDays = 0;
    for (const { client } of solution.assignment) {
      if (clientById.get(client)?.urgent) urgent++;
      waitDays += clientById.get(client)?.waitDays ?? 0;
    }
    if (solution.urgent !== urgent) problems.push('urgent ≠ urgent clients housed');
    if (solution.waitDays !== waitDays) problems.push('waitDays ≠ days waited by those housed');
  }
  const sorted = solution.assignment.map((a) => a.client);
  if (sorted.some((client, i) => i > 0 && (sorted[i - 1] ?? '') >= client)) {
    problems.push('assignment not sorted by client id');
  }
  if (solution.assigned !== solution.assignment.length)
    problems.push('assigned ≠ assignment length');
  if (Math.round(solution.objective * 1_000_000) !== micro)
    problems.push('objective ≠ sum of scores');
  return problems;
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** A generated instance of the benchmark kind, small: 600 clients, 240 units, tiers and groups. */
export function generatedTieredInstance(): AssignmentInstance {
  return withPriorities(
    generateAssignmentInstance({
      clients: 600,
      units: 240,
      municipalities: 6,
      neighbourhoods: 40,
      pairsPerClient: 30,
      areaKm: 30,
      fixedShare: 0.02,
      seed: 7,
    }),
    { ...PRIORITY_SHAPE, maxWaitDays: 40 },
  );
}
