import type { CompactAssignmentInstance } from './assignment.types';
import type { OpenProblem } from './fixed-pairs';
import { solveByPriorityClasses, type ClientArcs, type priorityClasses } from './priority-flow';

/*
 * A bound on the urgent tier that takes the capacity groups into account (docs/solver.md).
 *
 * The unpriced flow's bound ignores the groups, so where many urgent clients compete for a few
 * places of one group it promises them all. A sharper bound, for any set Λ of groups:
 *
 *   urgent(x) ≤ U(Λ) + Σ_{g∈Λ} room(g)   for every x that respects the groups,
 *
 * where U(Λ) is the most urgent clients that can be housed together, caps respected, without
 * any pair of a group in Λ (and ignoring the other groups). Proof: x's urgent clients on pairs
 * of Λ's groups are at most Σ room(g), as x respects the groups; the others are housed by x
 * without such pairs, so they are at most U(Λ).
 *
 * U(Λ) is the class flow run over the urgent classes only, which come first (an urgent client's
 * p exceeds every non-urgent one's, tiers.ts): a matroid greedy, so the urgent clients it houses
 * are as many as can be housed together (docs/solver.md, "Why the class method is exact"). It is
 * a small part of a whole flow, as only urgent clients are sources. Λ grows from nothing: each
 * round adds the groups that round's flow overfills with urgent clients, for a few rounds; the
 * lowest bound found is kept.
 */

const ROUNDS = 3;

export interface UrgentBound {
  /** The most urgent open clients housed together when the groups are ignored. */
  withoutGroups: number;
  /** An upper bound on the urgent open clients housed by any assignment within the groups. */
  withinGroups: number;
}

/** The bound, or undefined without urgent clients or groups. */
export function urgentBound(
  instance: CompactAssignmentInstance,
  open: OpenProblem,
  classes: Pick<ReturnType<typeof priorityClasses>, 'order' | 'classStart'>,
  arcs: ClientArcs,
  groupRoom: Int32Array,
): UrgentBound | undefined {
  const { clientUrgent, pairGroup } = instance;
  if (clientUrgent === undefined || pairGroup === undefined) return undefined;
  const { order, classStart } = classes;
  let urgentClasses = 0;
  while (
    urgentClasses + 1 < classStart.length &&
    clientUrgent[order[classStart[urgentClasses] ?? 0] ?? 0] === 1
  ) {
    urgentClasses++;
  }
  if (urgentClasses === 0) return undefined;
  const urgent = { order, classStart: classStart.subarray(0, urgentClasses + 1) };

  const groupCount = groupRoom.length;
  const inLambda = new Uint8Array(groupCount);
  const arcLocked = new Uint8Array(arcs.pair.length);
  let lambdaRoom = 0;
  let best = Infinity;
  let withoutGroups = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const flow = solveByPriorityClasses(
      instance,
      open,
      { clientPriority: new Float64Array(0) },
      urgent,
      undefined,
      arcs,
      arcLocked,
    );
    const use = new Int32Array(groupCount);
    let housed = 0;
    for (const p of flow.clientPair) {
      if (p < 0) continue;
      housed++;
      const g = pairGroup[p] ?? -1;
      if (g >= 0) use[g] = (use[g] ?? 0) + 1;
    }
    if (round === 0) withoutGroups = housed;
    best = Math.min(best, housed + lambdaRoom);
    let grown = false;
    for (let g = 0; g < groupCount; g++) {
      if (inLambda[g] === 1 || (use[g] ?? 0) <= (groupRoom[g] ?? 0)) continue;
      inLambda[g] = 1;
      lambdaRoom += groupRoom[g] ?? 0;
      grown = true;
    }
    if (!grown) break;
    const { group } = arcs;
    for (let a = 0; a < group.length; a++) {
      const g = group[a] ?? -1;
      if (g >= 0 && inLambda[g] === 1) arcLocked[a] = 1;
    }
  }
  return { withoutGroups, withinGroups: best };
}
