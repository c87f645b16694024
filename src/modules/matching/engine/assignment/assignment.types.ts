/**
 * The assignment stage's input and output (docs/solver-contract.md): plain data with string ids,
 * and the compact form with integer indices and typed arrays that the solvers actually run on.
 */

export interface AssignmentInstance {
  clients: { id: string }[];
  units: { id: string; neighbourhood: string; municipality: string }[];
  /** How many assigned units an area may hold in total; a missing entry means no cap. */
  caps: { neighbourhoods?: Record<string, number>; municipalities?: Record<string, number> };
  /** The allowed pairs, each scored in [0, 1]; a pair not listed is not allowed. */
  pairs: { client: string; unit: string; score: number }[];
  /**
   * Extension to docs/solver-contract.md: pairs already under human review. They are kept as they are, their
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
  stats: { clients: number; units: number; pairs: number; millis: number };
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
}

export interface CompactAssignmentSolution {
  /** Per client, the assigned unit's index or -1; fixed pairs included. */
  clientUnit: Int32Array;
  assigned: number;
  /** Sum of assigned pairs' scores, in micro-points. */
  objectiveMicro: number;
}
