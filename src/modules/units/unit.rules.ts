import type { Db } from '../../shared/database/db';
import type { FieldError } from '../../shared/errors/app-error';
import { haversineKm } from '../../shared/geo/geo';
import { addDays } from '../../shared/time/clock';
import {
  findMunicipalities,
  findNeighbourhoods,
  type MunicipalityRow,
  type NeighbourhoodRow,
} from '../reference';
import { type ClusterState, findClusters } from './unit.repository';
import { type CreateUnitInput, MAX_CLUSTER_SIZE } from './unit.schemas';

/** A home further than this from its municipality's centre has its coordinates wrong. */
export const MAX_KM_FROM_MUNICIPALITY = 25;
/** How far ahead a unit may be announced. */
export const MAX_DAYS_AHEAD = 3 * 365;

export interface UnitReferences {
  municipalities: Map<string, MunicipalityRow>;
  neighbourhoods: Map<string, NeighbourhoodRow>;
  clusters: Map<string, ClusterState>;
}

export async function loadUnitReferences(
  db: Db,
  corporationId: string,
  units: readonly CreateUnitInput[],
): Promise<UnitReferences> {
  const unique = (values: (string | undefined)[]) => [
    ...new Set(values.filter((value): value is string => value !== undefined)),
  ];
  // One after the other: they share the registration's one connection (`onOneConnection`).
  const municipalities = await findMunicipalities(
    db,
    unique(units.map((unit) => unit.address.municipalityCode)),
  );
  const neighbourhoods = await findNeighbourhoods(
    db,
    unique(units.map((unit) => unit.neighbourhoodCode)),
  );
  const clusters = await findClusters(
    db,
    corporationId,
    unique(units.map((unit) => unit.clusterId)),
  );
  return {
    municipalities: new Map(municipalities.map((m) => [m.code, m])),
    neighbourhoods: new Map(neighbourhoods.map((n) => [n.code, n])),
    clusters: new Map(clusters.map((c) => [c.clusterId, c])),
  };
}

export interface UnitCandidate {
  unit: CreateUnitInput;
  /** Prefix for this unit's error paths: `''` for a single unit, `lines[12]` in an import. */
  path: string;
  /** Where the unit already counts in its cluster (an update), so it is not counted twice. */
  currentCluster?: string | null;
}

/**
 * The rules that need reference data: every failure, for every unit, as field errors with the
 * names the caller used. `today` is the Dutch calendar date.
 */
export function checkUnits(
  candidates: readonly UnitCandidate[],
  refs: UnitReferences,
  context: { regionCode: string | null; today: string },
  fieldName: (field: string) => string = (field) => field,
): FieldError[] {
  const errors: FieldError[] = [];
  const clusterGrowth = new Map<string, { count: number; municipality: string; path: string }>();
  const latestDate = addDays(context.today, MAX_DAYS_AHEAD);

  for (const { unit, path, currentCluster } of candidates) {
    const at = (field: string) => (path === '' ? fieldName(field) : `${path}.${fieldName(field)}`);
    const municipality = refs.municipalities.get(unit.address.municipalityCode);
    if (!municipality) {
      errors.push({
        path: at('address.municipalityCode'),
        message: `unknown municipality ${unit.address.municipalityCode}`,
      });
    } else {
      if (context.regionCode !== null && municipality.regionCode !== context.regionCode) {
        errors.push({
          path: at('address.municipalityCode'),
          message: `${municipality.name} lies outside your region "${context.regionCode}"`,
        });
      }
      const away = haversineKm(unit.location, municipality);
      if (away > MAX_KM_FROM_MUNICIPALITY) {
        errors.push({
          path: at('location'),
          message: `${Math.round(away)} km from the centre of ${municipality.name}; check lat and lon`,
        });
      }
    }
    const neighbourhood = refs.neighbourhoods.get(unit.neighbourhoodCode);
    if (!neighbourhood) {
      errors.push({
        path: at('neighbourhoodCode'),
        message: `unknown neighbourhood ${unit.neighbourhoodCode}`,
      });
    } else if (neighbourhood.municipalityCode !== unit.address.municipalityCode) {
      errors.push({
        path: at('neighbourhoodCode'),
        message: `${neighbourhood.name} (${neighbourhood.code}) lies in ${neighbourhood.municipalityCode}, not ${unit.address.municipalityCode}`,
      });
    }
    if (unit.availableFrom > latestDate) {
      errors.push({
        path: at('availableFrom'),
        message: `more than 3 years ahead (after ${latestDate})`,
      });
    }

    if (unit.clusterId !== undefined && unit.clusterId !== currentCluster) {
      const stored = refs.clusters.get(unit.clusterId);
      const growth = clusterGrowth.get(unit.clusterId) ?? {
        count: 0,
        municipality: stored?.municipalityCode ?? unit.address.municipalityCode,
        path: at('clusterId'),
      };
      if (growth.municipality !== unit.address.municipalityCode) {
        errors.push({
          path: at('clusterId'),
          message: `cluster ${unit.clusterId} lies in ${growth.municipality}; all its homes must be in one municipality`,
        });
      }
      growth.count += 1;
      clusterGrowth.set(unit.clusterId, growth);
      if ((stored?.unitCount ?? 0) + growth.count > MAX_CLUSTER_SIZE) {
        errors.push({
          path: at('clusterId'),
          message: `cluster ${unit.clusterId} would hold more than ${MAX_CLUSTER_SIZE} homes`,
        });
      }
    }
  }
  return errors;
}
