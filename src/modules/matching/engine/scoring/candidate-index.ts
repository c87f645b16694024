/**
 * The units as flat arrays (struct of arrays) for the bulk generator's hot loop, and per unit
 * type a spatial index (kdbush over a local km projection) and a municipality → units index.
 * Units that fail a unit rule (availability, caps) are left out of the indexes: they can never be
 * allowed.
 */
import KDBush from 'kdbush';

import { STIMULUS_LEVELS, UNIT_TYPES } from '../../../../shared/domain/vocabulary';
import type { EngineUnit } from '../engine.types';
import { isoDayNumber } from './calendar';
import { LocalProjection, toRadians } from './geo';
import { HARD_RULE_CODES, type HardRuleCode } from './hard-rule-codes';
import { clusterOf, totalRent } from './hard-rules';
import {
  clusterLoadOf,
  isCapExempt,
  maxDistanceKmFor,
  municipalityCapOf,
  municipalityLoadOf,
  neighbourhoodLoadOf,
  type PreparedContext,
  unitSpreiding,
} from './prepared-context';

/** Bits of `UnitTable.access`. */
export const ACCESS_WHEELCHAIR = 1;
export const ACCESS_GROUND_FLOOR_OR_LIFT = 2;

/** Position of each rule in HARD_RULES; the generator counts exclusions by it. */
export const RULE_INDEX = Object.fromEntries(
  HARD_RULE_CODES.map((code, index) => [code, index]),
) as Record<HardRuleCode, number>;

/** A bit per unit type, so a client's routes are one mask. */
export function unitTypeBit(type: string): number {
  const index = (UNIT_TYPES as readonly string[]).indexOf(type);
  return index < 0 ? 0 : 1 << index;
}

export interface UnitTable {
  count: number;
  /** Code → index of every municipality that has a unit. */
  municipalityIndex: ReadonlyMap<string, number>;
  /** Code → index of every neighbourhood that has a unit. */
  neighbourhoodIndex: ReadonlyMap<string, number>;
  /** Id → index of every corporation that has a unit. */
  corporationIndex: ReadonlyMap<string, number>;
  typeBit: Uint8Array;
  bedrooms: Float64Array;
  /** Rent plus service costs: what the household pays, and what counts for huurtoeslag. */
  rent: Float64Array;
  /** 1 when pets are allowed. */
  petsAllowed: Uint8Array;
  neighbourhood: Int32Array;
  /** Index in `corporationIndex`, or −1 when the unit names no corporation. */
  corporation: Int32Array;
  /** The acceptable distance from the network for the unit's type. */
  maxDistanceKm: Float64Array;
  access: Uint8Array;
  /** Index into STIMULUS_LEVELS. */
  stimulus: Uint8Array;
  municipality: Int32Array;
  latRad: Float64Array;
  lonRad: Float64Array;
  cosLat: Float64Array;
  spreiding: Float64Array;
  /** Index in HARD_RULES of the first failing unit rule, or −1 when the unit is matchable. */
  unitRuleFailure: Int8Array;
}

function firstFailingAreaCap(unit: EngineUnit, prepared: PreparedContext): number {
  const { ctx } = prepared;
  if (neighbourhoodLoadOf(ctx, unit.neighbourhoodCode) >= ctx.policy.neighbourhoodCap) {
    return RULE_INDEX.NEIGHBOURHOOD_CAP_REACHED;
  }
  const cap = municipalityCapOf(ctx.policy, unit.municipalityCode);
  if (cap !== undefined && municipalityLoadOf(ctx, unit.municipalityCode) >= cap) {
    return RULE_INDEX.MUNICIPALITY_CAP_REACHED;
  }
  return -1;
}

function firstFailingUnitRule(unit: EngineUnit, prepared: PreparedContext): number {
  if (!(isoDayNumber(unit.availableFrom) <= prepared.lastAvailableDay)) {
    return RULE_INDEX.NOT_AVAILABLE_IN_TIME;
  }
  if (!isCapExempt(unit, prepared)) {
    const failure = firstFailingAreaCap(unit, prepared);
    if (failure >= 0) return failure;
  }
  const clusterId = clusterOf(unit);
  if (clusterId !== null && clusterLoadOf(prepared.ctx, clusterId) >= prepared.rules.clusterCap) {
    return RULE_INDEX.CLUSTER_CAP_REACHED;
  }
  if (unit.seniorOnly === true) return RULE_INDEX.SENIOR_ONLY_UNIT;
  return -1;
}

export function buildUnitTable(units: readonly EngineUnit[], prepared: PreparedContext): UnitTable {
  const count = units.length;
  const municipalityIndex = new Map<string, number>();
  const neighbourhoodIndex = new Map<string, number>();
  const corporationIndex = new Map<string, number>();
  const indexIn = (index: Map<string, number>, key: string): number => {
    let at = index.get(key);
    if (at === undefined) {
      at = index.size;
      index.set(key, at);
    }
    return at;
  };
  const table: UnitTable = {
    count,
    municipalityIndex,
    neighbourhoodIndex,
    corporationIndex,
    typeBit: new Uint8Array(count),
    bedrooms: new Float64Array(count),
    rent: new Float64Array(count),
    petsAllowed: new Uint8Array(count),
    neighbourhood: new Int32Array(count),
    corporation: new Int32Array(count),
    maxDistanceKm: new Float64Array(count),
    access: new Uint8Array(count),
    stimulus: new Uint8Array(count),
    municipality: new Int32Array(count),
    latRad: new Float64Array(count),
    lonRad: new Float64Array(count),
    cosLat: new Float64Array(count),
    spreiding: new Float64Array(count),
    unitRuleFailure: new Int8Array(count),
  };
  units.forEach((unit, u) => {
    let municipality = municipalityIndex.get(unit.municipalityCode);
    if (municipality === undefined) {
      municipality = municipalityIndex.size;
      municipalityIndex.set(unit.municipalityCode, municipality);
    }
    table.typeBit[u] = unitTypeBit(unit.type);
    table.bedrooms[u] = unit.bedrooms;
    table.rent[u] = totalRent(unit);
    table.petsAllowed[u] = unit.petsAllowed === false ? 0 : 1;
    table.neighbourhood[u] = indexIn(neighbourhoodIndex, unit.neighbourhoodCode);
    table.corporation[u] =
      unit.corporationId === undefined ? -1 : indexIn(corporationIndex, unit.corporationId);
    table.maxDistanceKm[u] = maxDistanceKmFor(prepared.ctx.policy, unit.type);
    table.access[u] =
      (unit.wheelchairAccessible ? ACCESS_WHEELCHAIR : 0) |
      (unit.floor === 0 || unit.hasLift ? ACCESS_GROUND_FLOOR_OR_LIFT : 0);
    table.stimulus[u] = Math.max(0, STIMULUS_LEVELS.indexOf(unit.stimulus));
    table.municipality[u] = municipality;
    const latRad = toRadians(unit.location.lat);
    table.latRad[u] = latRad;
    table.lonRad[u] = toRadians(unit.location.lon);
    table.cosLat[u] = Math.cos(latRad);
    table.spreiding[u] = unitSpreiding(unit, prepared);
    table.unitRuleFailure[u] = firstFailingUnitRule(unit, prepared);
  });
  return table;
}

/** The matchable units of one type, searchable by place and by municipality. */
class TypeBucket {
  private readonly tree: KDBush | null;
  /** kdbush id → unit index. */
  private readonly treeUnits: Int32Array;
  private readonly treeHits: Uint32Array;
  /** Units of municipality m: `municipalityUnits[municipalityStart[m] … municipalityStart[m+1])`. */
  private readonly municipalityStart: Int32Array;
  private readonly municipalityUnits: Int32Array;

  constructor(
    units: readonly EngineUnit[],
    table: UnitTable,
    members: readonly number[],
    projection: LocalProjection,
  ) {
    const located = members.filter((u) => {
      const { lat, lon } = (units[u] as EngineUnit).location;
      return Number.isFinite(lat) && Number.isFinite(lon);
    });
    this.treeUnits = Int32Array.from(located);
    this.treeHits = new Uint32Array(located.length);
    if (located.length === 0) {
      this.tree = null;
    } else {
      const tree = new KDBush(located.length);
      for (const u of located) {
        const { lat, lon } = (units[u] as EngineUnit).location;
        tree.add(projection.x(lon), projection.y(lat));
      }
      this.tree = tree.finish();
    }

    const municipalities = table.municipalityIndex.size;
    const start = new Int32Array(municipalities + 1);
    for (const u of members) {
      const m = table.municipality[u] as number;
      start[m + 1] = (start[m + 1] as number) + 1;
    }
    for (let m = 0; m < municipalities; m++) {
      start[m + 1] = (start[m + 1] as number) + (start[m] as number);
    }
    const fill = start.slice(0, municipalities);
    this.municipalityUnits = new Int32Array(members.length);
    for (const u of members) {
      const m = table.municipality[u] as number;
      const at = fill[m] as number;
      this.municipalityUnits[at] = u;
      fill[m] = at + 1;
    }
    this.municipalityStart = start;
  }

  unitsNear(x: number, y: number, radius: number, out: Int32Array): number {
    if (this.tree === null) return 0;
    const hits = this.treeHits;
    const found = this.tree.withinInto(x, y, radius, hits);
    const treeUnits = this.treeUnits;
    for (let i = 0; i < found; i++) out[i] = treeUnits[hits[i] as number] as number;
    return found;
  }

  unitsIn(municipality: number): Int32Array {
    return this.municipalityUnits.subarray(
      this.municipalityStart[municipality],
      this.municipalityStart[municipality + 1],
    );
  }
}

/**
 * The matchable units, indexed per unit type by place (kdbush) and by municipality. A client
 * searches only the types of its routes, so units of other types are never visited: on realistic
 * data that skips about 40 % of the candidates.
 */
export class CandidateIndex {
  readonly projection: LocalProjection;
  private readonly buckets: TypeBucket[];

  /**
   * @param extraLatitudes latitudes (degrees) of the points that will be searched around, so the
   * projection's margin covers them too
   */
  constructor(units: readonly EngineUnit[], table: UnitTable, extraLatitudes: Iterable<number>) {
    const members: number[][] = UNIT_TYPES.map(() => []);
    let latSum = 0;
    let located = 0;
    let maxAbsLat = 0;
    for (let u = 0; u < table.count; u++) {
      if (table.unitRuleFailure[u] !== -1) continue;
      const bit = table.typeBit[u] as number;
      // A unit of an unknown type (no bit) fits no route and is left out.
      if (bit === 0) continue;
      (members[31 - Math.clz32(bit)] as number[]).push(u);
      const { lat, lon } = (units[u] as EngineUnit).location;
      if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
      latSum += lat;
      located++;
      maxAbsLat = Math.max(maxAbsLat, Math.abs(lat));
    }
    for (const lat of extraLatitudes) {
      if (Number.isFinite(lat)) maxAbsLat = Math.max(maxAbsLat, Math.abs(lat));
    }
    this.projection = new LocalProjection(located > 0 ? latSum / located : 0, maxAbsLat);
    this.buckets = members.map((list) => new TypeBucket(units, table, list, this.projection));
  }

  /**
   * Writes into `out` the units of the types in `typeMask` whose projected position lies within
   * the (widened) search radius around a point: a superset of those within `radiusKm`.
   * @returns how many were written
   */
  unitsNear(typeMask: number, lat: number, lon: number, radiusKm: number, out: Int32Array): number {
    const x = this.projection.x(lon);
    const y = this.projection.y(lat);
    const radius = this.projection.queryRadiusKm(radiusKm);
    let count = 0;
    for (let type = 0; type < this.buckets.length; type++) {
      if ((typeMask & (1 << type)) === 0) continue;
      count += (this.buckets[type] as TypeBucket).unitsNear(x, y, radius, out.subarray(count));
    }
    return count;
  }

  /** The matchable units of the types in `typeMask` in a municipality, one list per type. */
  unitsIn(typeMask: number, municipality: number): Int32Array[] {
    const lists: Int32Array[] = [];
    for (let type = 0; type < this.buckets.length; type++) {
      if ((typeMask & (1 << type)) !== 0) {
        lists.push((this.buckets[type] as TypeBucket).unitsIn(municipality));
      }
    }
    return lists;
  }
}
