import { NO_CAP, type CompactAssignmentInstance } from './assignment.types';

/** What is left to assign once the pairs under review are taken out. */
export interface OpenProblem {
  /** Per client, the fixed unit's index or -1. */
  clientUnit: Int32Array;
  unitTaken: Uint8Array;
  /** Cap left per neighbourhood after the fixed pairs, or NO_CAP. */
  neighbourhoodLeft: Int32Array;
  municipalityLeft: Int32Array;
  /** Capacity left per group after the fixed pairs; undefined without capacity groups. */
  groupLeft: Int32Array | undefined;
  fixedCount: number;
  /** Score of the fixed pairs that are also allowed pairs, in micro-points. */
  fixedObjectiveMicro: number;
  /** Urgent clients among the fixed pairs, and their days waited. */
  fixedUrgent: number;
  fixedWaitDays: number;
}

/**
 * Takes the fixed pairs out: their clients and units are done, and their cap use is subtracted,
 * and so is their use of the capacity group of their allowed pair (a fixed pair that is not an
 * allowed pair uses no group). A fixed pair may already exceed a cap or a group (it was proposed
 * under another policy); what is left is then 0, not negative, so nothing else is added there.
 */
export function openProblem(instance: CompactAssignmentInstance): OpenProblem {
  const clientUnit = new Int32Array(instance.clientCount).fill(-1);
  const unitTaken = new Uint8Array(instance.unitCount);
  const neighbourhoodLeft = Int32Array.from(instance.neighbourhoodCap);
  const municipalityLeft = Int32Array.from(instance.municipalityCap);
  const groupLeft = instance.groupCapacity ? Int32Array.from(instance.groupCapacity) : undefined;
  let fixedObjectiveMicro = 0;
  let fixedUrgent = 0;
  let fixedWaitDays = 0;
  const fixedCount = instance.fixedClient.length;
  for (let i = 0; i < fixedCount; i++) {
    const client = instance.fixedClient[i] ?? -1;
    const unit = instance.fixedUnit[i] ?? -1;
    clientUnit[client] = unit;
    unitTaken[unit] = 1;
    const neighbourhood = instance.unitNeighbourhood[unit] ?? -1;
    const municipality = instance.neighbourhoodMunicipality[neighbourhood] ?? -1;
    const nLeft = neighbourhoodLeft[neighbourhood] ?? NO_CAP;
    if (nLeft !== NO_CAP) neighbourhoodLeft[neighbourhood] = Math.max(0, nLeft - 1);
    const mLeft = municipalityLeft[municipality] ?? NO_CAP;
    if (mLeft !== NO_CAP) municipalityLeft[municipality] = Math.max(0, mLeft - 1);
    const pair = pairOf(instance, client, unit);
    if (pair >= 0) {
      fixedObjectiveMicro += instance.pairScore[pair] ?? 0;
      const g = instance.pairGroup?.[pair] ?? -1;
      if (groupLeft && g >= 0) groupLeft[g] = Math.max(0, (groupLeft[g] ?? 0) - 1);
    }
    if (instance.clientUrgent?.[client] === 1) fixedUrgent++;
    fixedWaitDays += instance.clientWait?.[client] ?? 0;
  }
  return {
    clientUnit,
    unitTaken,
    neighbourhoodLeft,
    municipalityLeft,
    groupLeft,
    fixedCount,
    fixedObjectiveMicro,
    fixedUrgent,
    fixedWaitDays,
  };
}

/** The index of the pair (client, unit), or -1 when it is not an allowed pair. */
export function pairOf(instance: CompactAssignmentInstance, client: number, unit: number): number {
  const end = instance.unitPairStart[unit + 1] ?? 0;
  for (let p = instance.unitPairStart[unit] ?? 0; p < end; p++) {
    if (instance.pairClient[p] === client) return p;
  }
  return -1;
}
