import { InstanceError } from './assignment.errors';
import { MICRO_POINTS, NO_CAP, type CompactAssignmentInstance } from './assignment.types';

/**
 * Checks a compact instance built by hand (the service builds one straight from the scoring
 * stage's arrays): lengths, index ranges, scores, caps, duplicate pairs and fixed pairs. Throws
 * an `InstanceError` naming the first problem, e.g. `pairClient[17]: client 50000 out of range`.
 * One pass over the pairs; `toCompactInstance`'s output always passes.
 */
export function checkCompactInstance(instance: CompactAssignmentInstance): void {
  const {
    clientCount,
    unitCount,
    neighbourhoodCount,
    municipalityCount,
    unitPairStart,
    pairClient,
    pairScore,
  } = instance;
  for (const [field, value] of Object.entries({
    clientCount,
    unitCount,
    neighbourhoodCount,
    municipalityCount,
  })) {
    if (!Number.isInteger(value) || value < 0) fail(field, 'must be a non-negative integer');
  }
  expectLength('unitPairStart', unitPairStart, unitCount + 1);
  expectLength('pairScore', pairScore, pairClient.length);
  expectLength('unitNeighbourhood', instance.unitNeighbourhood, unitCount);
  expectLength('neighbourhoodMunicipality', instance.neighbourhoodMunicipality, neighbourhoodCount);
  expectLength('neighbourhoodCap', instance.neighbourhoodCap, neighbourhoodCount);
  expectLength('municipalityCap', instance.municipalityCap, municipalityCount);
  expectLength('fixedUnit', instance.fixedUnit, instance.fixedClient.length);

  if (unitPairStart[0] !== 0) fail('unitPairStart[0]', 'must be 0');
  if (unitPairStart[unitCount] !== pairClient.length) {
    fail(`unitPairStart[${unitCount}]`, `must be the pair count, ${pairClient.length}`);
  }
  for (let u = 0; u < unitCount; u++) {
    if ((unitPairStart[u + 1] ?? 0) < (unitPairStart[u] ?? 0)) {
      fail(`unitPairStart[${u + 1}]`, 'must not be below the one before');
    }
  }
  // Stamp each client with the last unit that named it, to find duplicate pairs in one pass.
  const seenBy = new Int32Array(clientCount).fill(-1);
  for (let u = 0; u < unitCount; u++) {
    const to = unitPairStart[u + 1] ?? 0;
    for (let p = unitPairStart[u] ?? 0; p < to; p++) {
      const c = pairClient[p] ?? -1;
      if (!(c >= 0 && c < clientCount)) fail(`pairClient[${p}]`, `client ${c} out of range`);
      if (seenBy[c] === u) fail(`pairClient[${p}]`, `duplicate pair of client ${c} and unit ${u}`);
      seenBy[c] = u;
      const s = pairScore[p] ?? -1;
      if (!(s >= 0 && s <= MICRO_POINTS)) {
        fail(`pairScore[${p}]`, `must be an integer in [0, ${MICRO_POINTS}]`);
      }
    }
  }
  expectIndices('unitNeighbourhood', instance.unitNeighbourhood, neighbourhoodCount);
  expectIndices('neighbourhoodMunicipality', instance.neighbourhoodMunicipality, municipalityCount);
  expectCaps('neighbourhoodCap', instance.neighbourhoodCap);
  expectCaps('municipalityCap', instance.municipalityCap);
  expectIndices('fixedClient', instance.fixedClient, clientCount);
  expectIndices('fixedUnit', instance.fixedUnit, unitCount);
  expectDistinct('fixedClient', instance.fixedClient, clientCount);
  expectDistinct('fixedUnit', instance.fixedUnit, unitCount);
  checkTierFields(instance);
}

/** The optional tier and group fields (docs/solver.md). */
function checkTierFields(instance: CompactAssignmentInstance): void {
  const { clientUrgent, clientWait, pairGroup, groupCapacity, clientCount } = instance;
  if (clientUrgent !== undefined) {
    if (clientUrgent.length !== clientCount) {
      fail('clientUrgent', `must have length ${clientCount}, not ${clientUrgent.length}`);
    }
    clientUrgent.forEach((value, i) => {
      if (value > 1) fail(`clientUrgent[${i}]`, 'must be 0 or 1');
    });
  }
  if (clientWait !== undefined) {
    expectLength('clientWait', clientWait, clientCount);
    clientWait.forEach((value, i) => {
      if (value < 0) fail(`clientWait[${i}]`, 'must be non-negative');
    });
  }
  if ((pairGroup === undefined) !== (groupCapacity === undefined)) {
    fail(pairGroup === undefined ? 'pairGroup' : 'groupCapacity', 'must come with the other');
  }
  if (pairGroup === undefined || groupCapacity === undefined) return;
  expectLength('pairGroup', pairGroup, instance.pairClient.length);
  pairGroup.forEach((value, i) => {
    if (value < -1 || value >= groupCapacity.length) {
      fail(`pairGroup[${i}]`, `${value} out of range`);
    }
  });
  groupCapacity.forEach((value, i) => {
    if (value < 0) fail(`groupCapacity[${i}]`, 'must be non-negative');
  });
}

function fail(path: string, reason: string): never {
  throw new InstanceError(path, reason);
}

function expectLength(field: string, array: Int32Array, length: number): void {
  if (array.length !== length) fail(field, `must have length ${length}, not ${array.length}`);
}

function expectIndices(field: string, array: Int32Array, count: number): void {
  array.forEach((value, i) => {
    if (value < 0 || value >= count) fail(`${field}[${i}]`, `${value} out of range`);
  });
}

function expectCaps(field: string, array: Int32Array): void {
  array.forEach((value, i) => {
    if (value < NO_CAP) fail(`${field}[${i}]`, `must be ${NO_CAP} (no cap) or non-negative`);
  });
}

function expectDistinct(field: string, array: Int32Array, count: number): void {
  const first = new Int32Array(count).fill(-1);
  array.forEach((value, i) => {
    const earlier = first[value] ?? -1;
    if (earlier >= 0) fail(`${field}[${i}]`, `${value} is already in ${field}[${earlier}]`);
    first[value] = i;
  });
}
