/**
 * Writes a generated population (`generatePopulation`) into a matchpunt database as one region or
 * as several: municipalities, neighbourhoods, per region one corporation owning its units, one
 * provider organisation per generated provider with its coverage in the region, a matchingspunt
 * covering the region and its policy; then the clients. For tests and benchmarks of matching runs;
 * made-up data only. Multi-row inserts in chunks.
 */
import type { DataSource } from 'typeorm';

import type { Population } from '../../src/modules/matching/engine';
import { defaultPolicyInput } from '../../src/modules/reference';
import { insertPolicy } from '../../src/modules/reference/policy.repository';

const CHUNK = 5_000;

export interface LoadedPopulation {
  regionCode: string;
  corporationId: string;
  matcherOrganisationId: string;
  /** Generated provider id → organisation id (the provider's organisation in this region). */
  providers: Map<string, string>;
  municipalityCodes: string[];
}

async function insertRows(
  dataSource: DataSource,
  sql: string,
  rows: Record<string, unknown>[],
  extra: unknown[] = [],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await dataSource.query(sql, [JSON.stringify(rows.slice(i, i + CHUNK)), ...extra]);
  }
}

/** The whole population as one region. */
export async function loadPopulation(
  dataSource: DataSource,
  population: Population,
  regionCode: string,
): Promise<LoadedPopulation> {
  const regionOf = new Map(
    [...population.context.municipalities.keys()].map((code) => [code, regionCode]),
  );
  const [loaded] = await loadPopulationInRegions(dataSource, population, regionOf);
  return loaded as LoadedPopulation;
}

/**
 * The population split into regions by municipality (`regionOf` names every municipality's
 * region). A generated provider becomes one organisation per region it works in (its coverage
 * there, its clients there); a client belongs to the region of its municipality of belonging.
 */
export async function loadPopulationInRegions(
  dataSource: DataSource,
  population: Population,
  regionOf: ReadonlyMap<string, string>,
): Promise<LoadedPopulation[]> {
  const { units, clients, context } = population;
  const regionCodes = [...new Set(regionOf.values())].sort();
  const regionOfMunicipality = (code: string): string => {
    const region = regionOf.get(code);
    if (region === undefined) throw new Error(`municipality ${code} has no region`);
    return region;
  };
  const loaded = new Map<string, LoadedPopulation>();
  const organisation = async (name: string, kind: string, regionCode: string): Promise<string> => {
    const rows = await dataSource.query<{ id: string }[]>(
      `INSERT INTO organisations (name, kind, region_code) VALUES ($1, $2, $3) RETURNING id`,
      [name, kind, regionCode],
    );
    return rows[0]?.id ?? '';
  };
  const municipalityCodes = [...context.municipalities.keys()];
  for (const regionCode of regionCodes) {
    await dataSource.query(`INSERT INTO regions (code, name) VALUES ($1, $1)`, [regionCode]);
    await insertPolicy(dataSource.manager, regionCode, 1, defaultPolicyInput(), null);
  }
  await insertRows(
    dataSource,
    `INSERT INTO municipalities (code, name, region_code, lat, lon)
     SELECT r.code, r.code, r.region, r.lat, r.lon
       FROM jsonb_to_recordset($1::jsonb) AS r(code text, region text, lat float8, lon float8)`,
    municipalityCodes.map((code) => ({
      code,
      region: regionOfMunicipality(code),
      ...context.municipalities.get(code),
    })),
  );
  const neighbourhoods = new Map<string, { municipality: string; lat: number; lon: number }>();
  for (const unit of units) {
    if (!neighbourhoods.has(unit.neighbourhoodCode)) {
      neighbourhoods.set(unit.neighbourhoodCode, {
        municipality: unit.municipalityCode,
        ...unit.location,
      });
    }
  }
  await insertRows(
    dataSource,
    `INSERT INTO neighbourhoods (code, name, municipality_code, lat, lon)
     SELECT r.code, r.code, r.municipality, r.lat, r.lon
       FROM jsonb_to_recordset($1::jsonb) AS r(code text, municipality text, lat float8, lon float8)`,
    [...neighbourhoods].map(([code, n]) => ({ code, ...n })),
  );

  for (const regionCode of regionCodes) {
    const inRegion = municipalityCodes.filter((code) => regionOf.get(code) === regionCode);
    const corporationId = await organisation(`Corporatie ${regionCode}`, 'corporatie', regionCode);
    const matcherOrganisationId = await organisation(
      `Matchingspunt ${regionCode}`,
      'matchingspunt',
      regionCode,
    );
    await insertRows(
      dataSource,
      `INSERT INTO organisation_municipalities (organisation_id, organisation_kind, municipality_code)
       SELECT $2, 'matchingspunt', r.code FROM jsonb_to_recordset($1::jsonb) AS r(code text)`,
      inRegion.map((code) => ({ code })),
      [matcherOrganisationId],
    );
    const providers = new Map<string, string>();
    const inThisRegion = (code: string) => regionOf.get(code) === regionCode;
    const working = new Set<string>();
    for (const [providerId, coverage] of context.coverage) {
      if ([...coverage.keys()].some(inThisRegion)) working.add(providerId);
    }
    for (const client of clients) {
      if (inThisRegion(client.municipalityOfBelonging)) working.add(client.support.providerId);
    }
    for (const providerId of [...working].sort()) {
      providers.set(
        providerId,
        await organisation(
          `Zorgaanbieder ${regionCode} ${providerId}`,
          'zorgaanbieder',
          regionCode,
        ),
      );
    }
    await insertRows(
      dataSource,
      `INSERT INTO provider_coverage (provider_id, provider_kind, municipality_code, capacity)
       SELECT r.provider, 'zorgaanbieder', r.code, r.capacity
         FROM jsonb_to_recordset($1::jsonb) AS r(provider uuid, code text, capacity int)`,
      [...context.coverage].flatMap(([providerId, coverage]) =>
        [...coverage]
          .filter(([code]) => inThisRegion(code))
          .map(([code, c]) => ({
            provider: providers.get(providerId),
            code,
            capacity: Math.min(100_000, c.capacity),
          })),
      ),
    );
    loaded.set(regionCode, {
      regionCode,
      corporationId,
      matcherOrganisationId,
      providers,
      municipalityCodes: inRegion,
    });
  }
  const regionData = (municipalityCode: string): LoadedPopulation =>
    loaded.get(regionOfMunicipality(municipalityCode)) as LoadedPopulation;

  const clusters = new Map<string, number>();
  const clusterOf = (municipality: string): string => {
    const n = clusters.get(municipality) ?? 0;
    clusters.set(municipality, n + 1);
    return `SH-${municipality}-${Math.floor(n / 6)}`;
  };
  const unitRows = units.map((unit, i) => ({
    corporation: regionData(unit.municipalityCode).corporationId,
    external_ref: unit.id,
    type: unit.type,
    house_number: String(1 + (i % 9999)),
    municipality_code: unit.municipalityCode,
    neighbourhood_code: unit.neighbourhoodCode,
    lat: unit.location.lat,
    lon: unit.location.lon,
    rent: Math.min(4999, unit.rent),
    bedrooms: unit.bedrooms,
    floor: unit.floor,
    has_lift: unit.hasLift,
    wheelchair_accessible: unit.wheelchairAccessible,
    stimulus: unit.stimulus,
    available_from: unit.availableFrom,
    contingent_year: unit.type === 'contingent' ? 2026 : null,
    omklap_review_after_months: unit.type === 'omklap' ? 12 : null,
    doorstroom_max_stay_months: unit.type === 'doorstroom' ? 12 : null,
    cluster_id: unit.type === 'skaeve_huis' ? clusterOf(unit.municipalityCode) : null,
    service_costs: Math.min(999, unit.serviceCosts ?? 0),
    self_contained: unit.selfContained ?? true,
    pets_allowed: unit.petsAllowed ?? true,
    senior_only: unit.seniorOnly ?? false,
  }));
  const clusterRows = [
    ...new Map(
      unitRows
        .filter((row) => row.cluster_id !== null)
        .map((row) => [
          row.cluster_id,
          {
            corporation: row.corporation,
            cluster_id: row.cluster_id,
            municipality_code: row.municipality_code,
          },
        ]),
    ).values(),
  ];
  await insertRows(
    dataSource,
    `INSERT INTO skaeve_huis_clusters (corporation_id, cluster_id, municipality_code)
     SELECT r.corporation, r.cluster_id, r.municipality_code
       FROM jsonb_to_recordset($1::jsonb) AS r(corporation uuid, cluster_id text, municipality_code text)`,
    clusterRows,
  );
  await insertRows(
    dataSource,
    `INSERT INTO units (corporation_id, external_ref, type, street, house_number, postcode, municipality_code,
                        neighbourhood_code, lat, lon, rent, bedrooms, floor, has_lift, wheelchair_accessible,
                        stimulus, furnished, available_from, contingent_year, omklap_review_after_months,
                        doorstroom_max_stay_months, cluster_id, service_costs, self_contained,
                        pets_allowed, senior_only)
     SELECT r.corporation, r.external_ref, r.type, 'Teststraat', r.house_number, '5911 AB', r.municipality_code,
            r.neighbourhood_code, r.lat, r.lon, r.rent, r.bedrooms, r.floor, r.has_lift,
            r.wheelchair_accessible, r.stimulus, false, r.available_from::date, r.contingent_year,
            r.omklap_review_after_months, r.doorstroom_max_stay_months, r.cluster_id, r.service_costs,
            r.self_contained, r.pets_allowed, r.senior_only
       FROM jsonb_to_recordset($1::jsonb) AS r(corporation uuid, external_ref text, type text, house_number text,
            municipality_code text, neighbourhood_code text, lat float8, lon float8, rent numeric,
            bedrooms int, floor int, has_lift boolean, wheelchair_accessible boolean, stimulus text,
            available_from text, contingent_year int, omklap_review_after_months int,
            doorstroom_max_stay_months int, cluster_id text, service_costs numeric,
            self_contained boolean, pets_allowed boolean, senior_only boolean)`,
    unitRows,
  );

  const today = context.now.toISOString().slice(0, 10);
  await insertRows(
    dataSource,
    `INSERT INTO clients (provider_id, provider_kind, external_ref, target_group, adults, children, max_rent,
                          municipality_of_belonging, stimulus_need, support_intensity,
                          needs_ground_floor_or_lift, needs_wheelchair, routes, ready_since, urgent,
                          urgency_reason, urgency_confirmed_at, consent_given_on, consent_scope,
                          parked_until, pets, huurtoeslag_eligible, under_23, must_move_by)
     SELECT r.provider, 'zorgaanbieder', r.external_ref, 'bw', r.adults, r.children, r.max_rent,
            r.municipality, r.stimulus_need, r.intensity, r.ground_floor, r.wheelchair,
            ARRAY(SELECT jsonb_array_elements_text(r.routes)), r.ready_since::date, r.urgent,
            -- Generated urgency counts as confirmed (reason "other", no matcher on record).
            CASE WHEN r.urgent THEN 'other' END, CASE WHEN r.urgent THEN now() END,
            r.consent::date, CASE WHEN r.consent IS NOT NULL THEN 'matching' END, r.parked_until::date,
            r.pets, r.huurtoeslag, r.under23, r.must_move_by::date
       FROM jsonb_to_recordset($1::jsonb) AS r(provider uuid, external_ref text, adults int, children int,
            max_rent numeric, municipality text, stimulus_need text, intensity text, ground_floor boolean,
            wheelchair boolean, routes jsonb, ready_since text, urgent boolean, consent text, parked_until text,
            pets boolean, huurtoeslag boolean, under23 boolean, must_move_by text)`,
    clients.map((client) => ({
      provider: regionData(client.municipalityOfBelonging).providers.get(client.support.providerId),
      external_ref: client.id,
      adults: Math.min(10, client.household.adults),
      children: Math.min(15, client.household.children),
      max_rent: Math.min(4999, client.maxRent),
      municipality: client.municipalityOfBelonging,
      stimulus_need: client.stimulusNeed,
      intensity: client.support.intensity,
      ground_floor: client.needs.groundFloorOrLift,
      wheelchair: client.needs.wheelchair,
      routes: client.routes,
      ready_since: client.readySince,
      urgent: client.urgent,
      consent: client.hasConsent ? (client.readySince < today ? client.readySince : today) : null,
      parked_until: client.parkedUntil,
      pets: client.pets ?? false,
      huurtoeslag: client.huurtoeslagEligible ?? false,
      under23: client.under23 ?? false,
      must_move_by: client.mustMoveBy ?? null,
    })),
  );
  const allProviders = [...loaded.values()].flatMap((region) => [...region.providers.values()]);
  // Preferences, avoidances and anchors refer to the clients by their generated reference.
  await insertRows(
    dataSource,
    `INSERT INTO client_municipalities (client_id, municipality_code, relation, rank)
     SELECT c.id, r.code, r.relation, r.rank
       FROM jsonb_to_recordset($1::jsonb) AS r(ref text, code text, relation text, rank int)
       JOIN clients c ON c.external_ref = r.ref AND c.provider_id = ANY($2::uuid[])`,
    clients.flatMap((client) => [
      ...client.preferredMunicipalities.slice(0, 50).map((code, rank) => ({
        ref: client.id,
        code,
        relation: 'preferred',
        rank,
      })),
      ...client.avoidMunicipalities.slice(0, 50).map((code, rank) => ({
        ref: client.id,
        code,
        relation: 'avoided',
        rank,
      })),
    ]),
    [allProviders],
  );
  await insertRows(
    dataSource,
    `INSERT INTO client_anchors (client_id, position, kind, lat, lon)
     SELECT c.id, r.position, r.kind, r.lat, r.lon
       FROM jsonb_to_recordset($1::jsonb) AS r(ref text, position int, kind text, lat float8, lon float8)
       JOIN clients c ON c.external_ref = r.ref AND c.provider_id = ANY($2::uuid[])`,
    clients.flatMap((client) =>
      client.anchors.slice(0, 10).map((anchor, position) => ({
        ref: client.id,
        position,
        kind: anchor.kind,
        lat: anchor.lat,
        lon: anchor.lon,
      })),
    ),
    [allProviders],
  );
  return regionCodes.map((code) => loaded.get(code) as LoadedPopulation);
}

/**
 * Splits municipalities into `count` regions of neighbouring municipalities: halves by the wider
 * side (latitude or longitude, in km), each half getting its share of the regions, until each
 * part is one region. Parts hold about equally many municipalities, not clients: like the real
 * regions, those around the big cities hold more people. Region codes are `<prefix>-01`, ….
 */
export function regionsByArea(
  municipalities: ReadonlyMap<string, { lat: number; lon: number }>,
  count: number,
  prefix: string,
): Map<string, string> {
  const result = new Map<string, string>();
  let next = 1;
  const split = (codes: string[], parts: number): void => {
    if (parts === 1) {
      const region = `${prefix}-${String(next++).padStart(2, '0')}`;
      for (const code of codes) result.set(code, region);
      return;
    }
    const at = (code: string) => municipalities.get(code) as { lat: number; lon: number };
    const lats = codes.map((code) => at(code).lat);
    const lons = codes.map((code) => at(code).lon);
    const kmLat = (Math.max(...lats) - Math.min(...lats)) * 111;
    const kmLon = (Math.max(...lons) - Math.min(...lons)) * 111 * Math.cos((52 * Math.PI) / 180);
    const key = kmLat >= kmLon ? 'lat' : 'lon';
    const sorted = [...codes].sort((a, b) => at(a)[key] - at(b)[key] || (a < b ? -1 : 1));
    const left = Math.floor(parts / 2);
    const cut = Math.round((sorted.length * left) / parts);
    split(sorted.slice(0, cut), left);
    split(sorted.slice(cut), parts - left);
  };
  split([...municipalities.keys()].sort(), count);
  return result;
}
