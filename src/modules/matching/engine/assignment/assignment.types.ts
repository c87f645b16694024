/**
 * The assignment stage's input and output (docs/solver.md): plain data with string ids,
 * and the compact form with integer indices and typed arrays that the solvers actually run on.
 */

export interface AssignmentInstance {
  /**
   * Clients, numbered in id order: that order is the final tie-break, so callers name them in
   * `readySince` order. `urgent` and `waitDays` (whole days waited) feed the priority tiers
   * (docs/solver.md); absent means not urgent and 0 days.
   */
  clients: { id: string; urgent?: boolean; waitDays?: number }[];
  units: { id: string; neighbourhood: string; municipality: string }[];
  /** How many assigned units an area may hold in total; a missing entry means no cap. */
  caps: { neighbourhoods?: Record<string, number>; municipalities?: Record<string, number> };
  /**
   * The allowed pairs, each scored in [0, 1]; a pair not listed is not allowed. `group` names the
   * capacity group the pair uses (a key of `groups`), if any.
   */
  pairs: { client: string; unit: string; score: number; group?: string }[];
  /**
   * Capacity groups: how many assigned pairs (fixed ones included) each group may hold, e.g. the
   * support a provider can still deliver in a municipality.
   */
  groups?: Record<string, number>;
  /**
   * Pairs already under human review. They are kept as they are, their
   * clients and units are not assigned again, and they use up cap like any other assigned pair.
   */
  fixed?: { client: string; unit: string }[];
}

export interface AssignmentSolution {
  /** Sorted by client id; fixed pairs included. */
  assignment: { client: string; unit: string }[];
  assigned: number;
  /** Sum of the assigned pairs' scores (a fixed pair that is not in `pairs` counts 0). */
  objective: number;
  /**
   * Only for instances that use priority tiers or capacity groups (so today's instances get
   * today's output): the urgent clients housed and the days they waited, in total.
   */
  urgent?: number;
  waitDays?: number;
  /** Only for the optimal solve of such instances: what is proven about the solution. */
  optimality?: {
    /** The solution is proven optimal: its value meets the bound. */
    exact: boolean;
    /** No feasible assignment does lexicographically better than this. */
    bound: TierTotals;
    /** Where the solution and the bound first differ, and by how much; null when exact. */
    gap: { tier: keyof TierTotals; amount: number } | null;
  };
  stats: { clients: number; units: number; pairs: number; millis: number };
}

/** An assignment's value tier by tier, most important first (docs/solver.md). */
export interface TierTotals {
  assigned: number;
  urgent: number;
  waitDays: number;
  objective: number;
}

/** A neighbourhood or municipality without a cap. */
export const NO_CAP = -1;

/** Scores are integers in [0, MICRO_POINTS]: exact sums, no floating-point drift. */
export const MICRO_POINTS = 1_000_000;

/**
 * The form the solvers run on: indices instead of ids, typed arrays instead of objects, scores in
 * micro-points. The service can build it straight from the scoring stage's arrays.
 *
 * Ties are broken by index, so index order is the tie-break order: `toCompactInstance` numbers
 * clients and units in id order, which makes results independent of the input's order. Within a
 * unit, pairs may come in any order (the solvers sort them by score, which is quicker when they
 * already are). `checkCompactInstance` checks one built by hand.
 */
export interface CompactAssignmentInstance {
  clientCount: number;
  unitCount: number;
  neighbourhoodCount: number;
  municipalityCount: number;
  /** Pairs grouped by unit: unit u's pairs are `unitPairStart[u] … unitPairStart[u + 1] - 1`. */
  unitPairStart: Int32Array;
  /** Per pair, the client's index. */
  pairClient: Int32Array;
  /** Per pair, the score in micro-points, 0 … 1,000,000. */
  pairScore: Int32Array;
  unitNeighbourhood: Int32Array;
  neighbourhoodMunicipality: Int32Array;
  /** Cap per neighbourhood, or NO_CAP. */
  neighbourhoodCap: Int32Array;
  /** Cap per municipality, or NO_CAP. */
  municipalityCap: Int32Array;
  /** Pairs under review, kept as they are: `(fixedClient[i], fixedUnit[i])`. */
  fixedClient: Int32Array;
  fixedUnit: Int32Array;
  /** Per client, 1 when urgent (priority tier 2). Absent: nobody is. */
  clientUrgent?: Uint8Array;
  /** Per client, whole days waited, ≥ 0 (priority tier 3). Absent: all 0. */
  clientWait?: Int32Array;
  /** Per pair, the capacity group it uses or -1. Absent: none. Needs `groupCapacity`. */
  pairGroup?: Int32Array;
  /** Per group, how many assigned pairs (fixed pairs included) it may hold. */
  groupCapacity?: Int32Array;
}

/** The compact form of `TierTotals`: the fit in micro-points. */
export interface CompactTierTotals {
  assigned: number;
  urgent: number;
  waitDays: number;
  objectiveMicro: number;
}

export interface CompactOptimality {
  exact: boolean;
  bound: CompactTierTotals;
  /** Subproblems solved: 1 when no capacity group had to be priced. */
  iterations: number;
}

export interface CompactAssignmentSolution {
  /** Per client, the assigned unit's index or -1; fixed pairs included. */
  clientUnit: Int32Array;
  assigned: number;
  /** Sum of assigned pairs' scores, in micro-points. */
  objectiveMicro: number;
  /** Urgent clients housed, and the days waited by the clients housed (fixed pairs included). */
  urgent?: number;
  waitDays?: number;
  /** Set by the optimal solver: what is proven (docs/solver.md). */
  optimality?: CompactOptimality;
}
