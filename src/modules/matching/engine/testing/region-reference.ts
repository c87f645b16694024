/**
 * For tests: a region as the engine's string-id instance (`solveOptimal`, `solveGreedy`), built
 * independently of `buildRegionInstance` from the scoring stage's own outputs — tiers, normalised
 * fit, capacity groups, and caps from `capAreasOf` — so the two paths can be compared.
 */
import type { AssignmentInstance } from '../assignment/assignment.types';
import type { RegionMatchInput } from '../region-match';
import { generatePairs } from '../scoring/pair-generator';
import { capAreasOf } from '../scoring/priorities';

/** Ids that sort in index order, so the string path breaks ties exactly as the compact one. */
const ordered = (prefix: string, i: number): string => `${prefix}${String(i).padStart(7, '0')}`;

export interface ReferenceRegion {
  instance: AssignmentInstance;
  /** Reference id → real id, for clients and units alike. */
  realId: Map<string, string>;
}

export function referenceRegion(input: RegionMatchInput): ReferenceRegion {
  const { units, clients, fixed, context } = input;
  const generated = generatePairs(clients, units, context);
  const areas = capAreasOf(units, context);
  const realId = new Map<string, string>();
  const neighbourhoods: Record<string, number> = {};
  const municipalities: Record<string, number> = {};
  const instanceUnits = units.map((unit, u) => {
    const id = ordered('u', u);
    realId.set(id, unit.id);
    const mine = areas[u] ?? [];
    const n = mine.find((area) => area.kind === 'neighbourhood');
    const m = mine.find((area) => area.kind === 'municipality');
    const k = mine.find((area) => area.kind === 'cluster');
    if (n !== undefined) {
      neighbourhoods[n.key] = Math.max(0, n.remaining);
      if (m !== undefined) municipalities[m.key] = Math.max(0, m.remaining);
      return { id, neighbourhood: n.key, municipality: unit.municipalityCode };
    }
    if (k !== undefined) {
      neighbourhoods[k.key] = Math.max(0, k.remaining);
      return { id, neighbourhood: k.key, municipality: 'free' };
    }
    return { id, neighbourhood: 'free', municipality: 'free' };
  });
  const instanceClients = clients.map((client, c) => {
    const id = ordered('c', c);
    realId.set(id, client.id);
    return {
      id,
      urgent: generated.clientUrgent[c] === 1,
      waitDays: generated.clientWait[c] as number,
    };
  });
  const fixedPairs = fixed.map((pair, i) => {
    const client = ordered('f', i);
    const unit = ordered('v', i);
    realId.set(client, pair.clientId);
    realId.set(unit, pair.unitId);
    return { client, unit };
  });
  const groupKey = (g: number): string => `g${g}`;
  return {
    realId,
    instance: {
      clients: [...instanceClients, ...fixedPairs.map((pair) => ({ id: pair.client }))],
      units: [
        ...instanceUnits,
        ...fixedPairs.map((pair) => ({
          id: pair.unit,
          neighbourhood: 'free',
          municipality: 'free',
        })),
      ],
      caps: { neighbourhoods, municipalities },
      pairs: Array.from({ length: generated.count }, (_, i) => {
        const g = generated.pairGroup[i] as number;
        return {
          client: ordered('c', generated.clientIndex[i] as number),
          unit: ordered('u', generated.unitIndex[i] as number),
          score: generated.fit[i] as number,
          ...(g >= 0 ? { group: groupKey(g) } : {}),
        };
      }),
      groups: Object.fromEntries(
        generated.groups.map((group, g) => [groupKey(g), Math.max(0, group.capacity)]),
      ),
      fixed: fixedPairs,
    },
  };
}
