import { MICRO_POINTS, NO_CAP, type CompactAssignmentInstance } from './assignment.types';
import type { OpenProblem } from './fixed-pairs';
import { unitArcsByScore } from './unit-arcs';

/**
 * The static part of min-cost-flow.ts's network: arcs, lower bounds, groupings and cost
 * constants, built once per solve. Nodes are numbered units, clients, dummy neighbourhoods,
 * dummy municipalities, sink.
 */
export interface FlowNetwork {
  clientCount: number;
  unitCount: number;
  neighbourhoodCount: number;
  municipalityCount: number;
  clientBase: number;
  neighbourhoodBase: number;
  municipalityBase: number;
  sink: number;
  nodeCount: number;
  /** Cost of an assignment is -(big + score); big exceeds any total score. */
  big: number;
  /** What a unit of lower-bound dummy flow earns; exceeds big + any score. */
  boundBonus: number;
  /** Units with at least one open pair, in index order: the order they are added in. */
  activeUnits: Int32Array;
  /** Open pairs per unit, best score first. */
  arcStart: Int32Array;
  arcClient: Int32Array;
  arcScore: Int32Array;
  /** Per unit, its best score (0 for inactive units). */
  bestScore: Int32Array;
  unitNeighbourhood: Int32Array;
  neighbourhoodMunicipality: Int32Array;
  /** Per area, how many active units must stay unassigned under its cap. */
  neighbourhoodLower: Int32Array;
  municipalityLower: Int32Array;
  /** Active units per neighbourhood, best score first. */
  neighbourhoodUnitStart: Int32Array;
  neighbourhoodUnits: Int32Array;
  neighbourhoodsOfMunicipalityStart: Int32Array;
  neighbourhoodsOfMunicipality: Int32Array;
}

export function buildFlowNetwork(
  instance: CompactAssignmentInstance,
  open: OpenProblem,
): FlowNetwork {
  const {
    clientCount,
    unitCount,
    neighbourhoodCount,
    municipalityCount,
    unitNeighbourhood,
    neighbourhoodMunicipality,
  } = instance;
  const { start: arcStart, client: arcClient, score: arcScore } = unitArcsByScore(instance, open);

  const active: number[] = [];
  const bestScore = new Int32Array(unitCount);
  const activeInNeighbourhood = new Int32Array(neighbourhoodCount);
  const activeInMunicipality = new Int32Array(municipalityCount);
  for (let u = 0; u < unitCount; u++) {
    const first = arcStart[u] ?? 0;
    if ((arcStart[u + 1] ?? 0) === first) continue;
    active.push(u);
    bestScore[u] = arcScore[first] ?? 0;
    const n = unitNeighbourhood[u] ?? 0;
    activeInNeighbourhood[n] = (activeInNeighbourhood[n] ?? 0) + 1;
    const m = neighbourhoodMunicipality[n] ?? 0;
    activeInMunicipality[m] = (activeInMunicipality[m] ?? 0) + 1;
  }

  const byNeighbourhood = [...active].sort(
    (a, b) =>
      (unitNeighbourhood[a] ?? 0) - (unitNeighbourhood[b] ?? 0) ||
      (bestScore[b] ?? 0) - (bestScore[a] ?? 0) ||
      a - b,
  );
  const byMunicipality = Array.from({ length: neighbourhoodCount }, (_, n) => n).sort(
    (a, b) => (neighbourhoodMunicipality[a] ?? 0) - (neighbourhoodMunicipality[b] ?? 0) || a - b,
  );

  const big = (Math.min(clientCount, active.length) + 1) * MICRO_POINTS;
  const clientBase = unitCount;
  const neighbourhoodBase = clientBase + clientCount;
  const municipalityBase = neighbourhoodBase + neighbourhoodCount;
  const sink = municipalityBase + municipalityCount;
  return {
    clientCount,
    unitCount,
    neighbourhoodCount,
    municipalityCount,
    clientBase,
    neighbourhoodBase,
    municipalityBase,
    sink,
    nodeCount: sink + 1,
    big,
    boundBonus: 2 * big + MICRO_POINTS,
    activeUnits: Int32Array.from(active),
    arcStart,
    arcClient,
    arcScore,
    bestScore,
    unitNeighbourhood,
    neighbourhoodMunicipality,
    neighbourhoodLower: lowerBounds(open.neighbourhoodLeft, activeInNeighbourhood),
    municipalityLower: lowerBounds(open.municipalityLeft, activeInMunicipality),
    neighbourhoodUnitStart: groupStarts(
      neighbourhoodCount,
      byNeighbourhood.map((u) => unitNeighbourhood[u] ?? 0),
    ),
    neighbourhoodUnits: Int32Array.from(byNeighbourhood),
    neighbourhoodsOfMunicipalityStart: groupStarts(
      municipalityCount,
      byMunicipality.map((n) => neighbourhoodMunicipality[n] ?? 0),
    ),
    neighbourhoodsOfMunicipality: Int32Array.from(byMunicipality),
  };
}

function lowerBounds(capLeft: Int32Array, active: Int32Array): Int32Array {
  return Int32Array.from(capLeft, (left, i) =>
    left === NO_CAP ? 0 : Math.max(0, (active[i] ?? 0) - left),
  );
}

/** Start offsets of `groupCount` consecutive groups, given each item's group in sorted order. */
function groupStarts(groupCount: number, groupOfItem: readonly number[]): Int32Array {
  const start = new Int32Array(groupCount + 1);
  for (const g of groupOfItem) start[g + 1] = (start[g + 1] ?? 0) + 1;
  for (let g = 0; g < groupCount; g++) start[g + 1] = (start[g + 1] ?? 0) + (start[g] ?? 0);
  return start;
}
