import type { CompactAssignmentInstance, CompactTierTotals } from './assignment.types';
import type { OpenProblem } from './fixed-pairs';

/*
 * The priority tiers as numbers the solver can add and compare exactly (docs/solver.md).
 *
 * Every cost in the solver is a pair (hi, lo) of integers, compared lexicographically: hi holds
 * tiers 1–3 (clients housed, urgent clients housed, days waited by the clients housed), lo holds
 * tier 4 (the fit, in micro-points). Pairs of integers under lexicographic order form an ordered
 * group, so shortest paths, potentials and optimality certificates work on them exactly as on
 * plain numbers, and neither part ever has to hold a number as large as the tiers' product.
 *
 * Within hi, housing client c is worth p(c) = A + B·urgent(c) + wait(c) with
 *   W = the sum of the K largest waits (K = most clients that can be housed at once),
 *   B = W + 1                 (one more urgent client outweighs any difference in waits),
 *   A = U·B + W + 1           (one more client outweighs any difference in the two tiers below;
 *                              U = min(K, urgent clients)).
 * So comparing the sum of p over two assignments compares (housed, urgent, days) lexicographically.
 * With no urgency and no waits given, p(c) = 1 for everyone: today's objective.
 */

/** Beyond this, hi sums could stop being exact in doubles: refuse instead. */
export const MAX_PRIORITY = 2 ** 44;

export interface Tiers {
  /** Per client, p(c); 0 for clients that are not open (fixed). */
  clientPriority: Float64Array;
  /** A and B above. */
  countWeight: number;
  urgentWeight: number;
  /** The largest p(c). */
  maxPriority: number;
}

export function priorityTiers(instance: CompactAssignmentInstance, open: OpenProblem): Tiers {
  const { clientCount, clientUrgent, clientWait } = instance;
  let openClients = 0;
  let urgentClients = 0;
  const waits: number[] = [];
  for (let c = 0; c < clientCount; c++) {
    if ((open.clientUnit[c] ?? -1) >= 0) continue;
    openClients++;
    if (clientUrgent?.[c] === 1) urgentClients++;
    const wait = clientWait?.[c] ?? 0;
    if (wait > 0) waits.push(wait);
  }
  let openUnits = 0;
  for (let u = 0; u < instance.unitCount; u++) if (open.unitTaken[u] !== 1) openUnits++;
  const most = Math.min(openClients, openUnits);
  waits.sort((a, b) => b - a);
  let waitSum = 0;
  for (let i = 0; i < Math.min(most, waits.length); i++) waitSum += waits[i] ?? 0;
  const urgentWeight = waitSum + 1;
  const countWeight = Math.min(most, urgentClients) * urgentWeight + waitSum + 1;

  const clientPriority = new Float64Array(clientCount);
  let maxPriority = 1;
  for (let c = 0; c < clientCount; c++) {
    if ((open.clientUnit[c] ?? -1) >= 0) continue;
    const p = countWeight + (clientUrgent?.[c] === 1 ? urgentWeight : 0) + (clientWait?.[c] ?? 0);
    clientPriority[c] = p;
    if (p > maxPriority) maxPriority = p;
  }
  if (maxPriority >= MAX_PRIORITY) {
    throw new RangeError('priority tiers too large for exact arithmetic (see docs/solver.md)');
  }
  return { clientPriority, countWeight, urgentWeight, maxPriority };
}

/**
 * The sum of p over a whole assignment can pass 2^53 (20,000 housed × p up to 2^44), so totals
 * and bounds are kept as BigInt; only single costs and potentials, which stay far smaller, are
 * doubles. This is the sum of p for the given tier totals.
 */
export function encodePriority(
  tiers: Tiers,
  totals: Pick<CompactTierTotals, 'assigned' | 'urgent' | 'waitDays'>,
): bigint {
  return (
    BigInt(totals.assigned) * BigInt(tiers.countWeight) +
    BigInt(totals.urgent) * BigInt(tiers.urgentWeight) +
    BigInt(totals.waitDays)
  );
}

/**
 * The largest (housed, urgent, days) whose encoding is at most `hi` (≥ 0): turns a bound on the
 * sum of p into a bound on the tiers. Order-preserving, so a solution's tiers are
 * lexicographically at most the result whenever its sum of p is at most `hi`.
 */
export function decodePriority(
  tiers: Tiers,
  hi: bigint,
): Pick<CompactTierTotals, 'assigned' | 'urgent' | 'waitDays'> {
  const count = BigInt(tiers.countWeight);
  const urgentWeight = BigInt(tiers.urgentWeight);
  const assigned = hi / count;
  const rest = hi - assigned * count;
  const urgent = rest / urgentWeight;
  return {
    assigned: Number(assigned),
    urgent: Number(urgent),
    waitDays: Number(rest - urgent * urgentWeight),
  };
}

/** Lexicographic comparison of tier totals: negative when a is worse than b. */
export function compareTotals(a: CompactTierTotals, b: CompactTierTotals): number {
  return (
    a.assigned - b.assigned ||
    a.urgent - b.urgent ||
    a.waitDays - b.waitDays ||
    a.objectiveMicro - b.objectiveMicro
  );
}
