import { MICRO_POINTS, NO_CAP, type CompactAssignmentInstance } from './assignment.types';
import type { OpenProblem } from './fixed-pairs';
import { unitArcsByWorth, type ArcWorth } from './unit-arcs';

/**
 * The static part of min-cost-flow.ts's network: arcs, lower bounds, groupings and cost
 * constants, built once per solve. Nodes are numbered units, clients, dummy neighbourhoods,
 * dummy municipalities, sink. Costs are pairs (hi, lo) compared lexicographically (tiers.ts).
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
  /** What a unit of lower-bound dummy flow earns, (hi, lo); exceeds any arc's worth. */
  boundBonusHi: number;
  boundBonusLo: number;
  /** Units with at least one open pair, in index order: the order they are added in. */
  activeUnits: Int32Array;
  /** Open pairs per unit, most worth first; an assignment costs -(worth). */
  arcStart: Int32Array;
  arcClient: Int32Array;
  arcPair: Int32Array;
  arcHi: Float64Array;
  arcLo: Float64Array;
  /** Per unit, its best arc's worth (0 for inactive units). */
  bestHi: Float64Array;
  bestLo: Float64Array;
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
  worth: ArcWorth,
  /** The largest p(c) (tiers.ts): the bonus must exceed any arc's worth. */
  maxPriority: number,
): FlowNetwork {
  const {
    clientCount,
    unitCount,
    neighbourhoodCount,
    municipalityCount,
    unitNeighbourhood,
    neighbourhoodMunicipality,
  } = instance;
  const arcs = unitArcsByWorth(instance, open, worth);
  const { start: arcStart } = arcs;

  const active: number[] = [];
  const bestHi = new Float64Array(unitCount);
  const bestLo = new Float64Array(unitCount);
  const activeInNeighbourhood = new Int32Array(neighbourhoodCount);
  const activeInMunicipality = new Int32Array(municipalityCount);
  for (let u = 0; u < unitCount; u++) {
    const first = arcStart[u] ?? 0;
    if ((arcStart[u + 1] ?? 0) === first) continue;
    active.push(u);
    bestHi[u] = arcs.hi[first] ?? 0;
    bestLo[u] = arcs.lo[first] ?? 0;
    const n = unitNeighbourhood[u] ?? 0;
    activeInNeighbourhood[n] = (activeInNeighbourhood[n] ?? 0) + 1;
    const m = neighbourhoodMunicipality[n] ?? 0;
    activeInMunicipality[m] = (activeInMunicipality[m] ?? 0) + 1;
  }

  const byNeighbourhood = [...active].sort(
    (a, b) =>
      (unitNeighbourhood[a] ?? 0) - (unitNeighbourhood[b] ?? 0) ||
      (bestHi[b] ?? 0) - (bestHi[a] ?? 0) ||
      (bestLo[b] ?? 0) - (bestLo[a] ?? 0) ||
      a - b,
  );
  const byMunicipality = Array.from({ length: neighbourhoodCount }, (_, n) => n).sort(
    (a, b) => (neighbourhoodMunicipality[a] ?? 0) - (neighbourhoodMunicipality[b] ?? 0) || a - b,
  );

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
    // An arc is worth at most (maxPriority, MICRO_POINTS); without tiers this is the old
    // 2·BIG + MICRO_POINTS with BIG as one unit of hi.
    boundBonusHi: 2 * maxPriority,
    boundBonusLo: MICRO_POINTS,
    activeUnits: Int32Array.from(active),
    arcStart,
    arcClient: arcs.client,
    arcPair: arcs.pair,
    arcHi: arcs.hi,
    arcLo: arcs.lo,
    bestHi,
    bestLo,
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
