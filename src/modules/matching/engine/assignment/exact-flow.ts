import type { CompactAssignmentInstance } from './assignment.types';
import type { OpenProblem } from './fixed-pairs';
import { solveTieredFlow, type Certificate, type FlowResult } from './min-cost-flow';
import {
  clientArcs,
  LARGEST_CLASS,
  priorityClasses,
  solveByPriorityClasses,
  type ClientArcs,
} from './priority-flow';
import type { ArcWorth } from './unit-arcs';

/**
 * The exact optimum of the open problem under the given arc worths, by whichever exact method
 * suits it (docs/solver.md): by priority classes (priority-flow.ts) when the worth is per client
 * (no group prices) and the clients fall into several classes none of them huge; otherwise the
 * unit-by-unit flow on (hi, lo) costs (min-cost-flow.ts), which is also what instances without
 * tiers always get, so they keep today's answers to the byte.
 */
export function solveExactFlow(
  instance: CompactAssignmentInstance,
  open: OpenProblem,
  worth: ArcWorth,
  maxPriority: number,
  certificate?: Certificate,
  /** Kept between the solves of one instance (capacity-groups.ts): what does not change. */
  cache: ExactFlowCache = {},
): FlowResult {
  const perClient = worth.groupPriceHi === undefined && worth.groupPriceLo === undefined;
  if (perClient && cache.method !== 'unit-by-unit') {
    const classes = (cache.classes ??= priorityClasses(worth.clientPriority, open));
    if (classes.classStart.length > 2 && classes.largest <= LARGEST_CLASS) {
      const arcs = (cache.arcs ??= clientArcs(instance, open));
      return solveByPriorityClasses(instance, open, worth, classes, certificate, arcs);
    }
  }
  return solveTieredFlow(instance, open, worth, maxPriority, certificate);
}

export type FlowMethod = 'auto' | 'unit-by-unit';

export interface ExactFlowCache {
  method?: FlowMethod | undefined;
  classes?: ReturnType<typeof priorityClasses>;
  arcs?: ClientArcs;
}
