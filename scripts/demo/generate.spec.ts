import { readFileSync } from 'node:fs';
import path from 'node:path';

import { createClientSchema } from '../../src/modules/clients/client.schemas';
import { containsBsn } from '../../src/shared/domain/opaque-reference';
import { createUnitSchema, MAX_CLUSTER_SIZE } from '../../src/modules/units/unit.schemas';
import { haversineKm } from '../../src/shared/geo/geo';
import { demoToken } from './demo-tokens';
import { DEMO_SEED, generateDemoData } from './generate';
import {
  DEMO_MUNICIPALITIES,
  DEMO_NEIGHBOURHOODS,
  DEMO_ORGANISATIONS,
  registeredMunicipalities,
} from './region.data';

const TODAY = '2026-11-01';
const data = generateDemoData(DEMO_SEED, TODAY);
const units = [...data.units.values()].flat();
const clients = [...data.clients.values()].flat();
const municipality = new Map(DEMO_MUNICIPALITIES.map((m) => [m.code, m]));

describe('demo region data', () => {
  it('lists exactly the municipalities of data/noord-midden-limburg-municipalities.csv', () => {
    const csv = readFileSync(
      path.join(__dirname, 'data', 'noord-midden-limburg-municipalities.csv'),
      'utf8',
    );
    const [header, ...lines] = csv.trim().split(/\r?\n/);
    expect(header).toBe('code,name,point,lat,lon');
    const rows = lines.map((line) => {
      const [code, name, point, lat, lon] = line.split(',');
      return { code, name, point, lat: Number(lat), lon: Number(lon) };
    });
    expect(DEMO_MUNICIPALITIES).toEqual(rows);
    expect(rows).toHaveLength(14);
  });

  it('gives each municipality at least three neighbourhoods whose code embeds its digits, near its centre', () => {
    for (const m of DEMO_MUNICIPALITIES) {
      const own = DEMO_NEIGHBOURHOODS.filter((n) => n.municipalityCode === m.code);
      expect(own.length).toBeGreaterThanOrEqual(3);
      for (const n of own) {
        expect(n.code).toMatch(new RegExp(`^BU${m.code.slice(2)}\\d{4}$`));
        expect(n.postcodeArea).toMatch(/^(5[789]|6[01]|65)\d\d$/);
        expect(haversineKm(n, m)).toBeLessThan(15);
      }
    }
    expect(new Set(DEMO_NEIGHBOURHOODS.map((n) => n.code)).size).toBe(DEMO_NEIGHBOURHOODS.length);
  });

  it('splits the 14 municipalities between the two points, and each gemeente is one of them', () => {
    const points = DEMO_ORGANISATIONS.filter((o) => o.kind === 'matchingspunt');
    const covered = points.flatMap(registeredMunicipalities).sort();
    expect(covered).toEqual(DEMO_MUNICIPALITIES.map((m) => m.code).sort());
    for (const gemeente of DEMO_ORGANISATIONS.filter((o) => o.kind === 'gemeente')) {
      expect(municipality.has(registeredMunicipalities(gemeente)[0]!)).toBe(true);
    }
  });
});

describe('generateDemoData', () => {
  it('gives the same records for the same seed and date, and others for another seed', () => {
    expect(generateDemoData(DEMO_SEED, TODAY)).toEqual(data);
    expect(generateDemoData(DEMO_SEED + 1, TODAY)).not.toEqual(data);
  });

  it('makes about 300 homes of all four types that pass the API schema, well within 25 km of their municipality', () => {
    expect(units.length).toBeGreaterThanOrEqual(280);
    expect(units.length).toBeLessThanOrEqual(320);
    expect(new Set(units.map((u) => u.type))).toEqual(
      new Set(['contingent', 'omklap', 'skaeve_huis', 'doorstroom']),
    );
    for (const unit of units) {
      expect(createUnitSchema.parse(unit)).toEqual(unit);
      expect(unit.address.postcode).toMatch(/^(5[789]|6[01]|65)\d\d [A-Z]{2}$/);
      const home = municipality.get(unit.address.municipalityCode)!;
      expect(haversineKm(unit.location, home)).toBeLessThan(20);
      expect(unit.neighbourhoodCode.slice(2, 6)).toBe(unit.address.municipalityCode.slice(2));
    }
  });

  it('puts Skaeve Huse in clusters of at most six within one municipality, spread over several', () => {
    const clusters = new Map<string, Set<string>>();
    const sizes = new Map<string, number>();
    for (const unit of units.filter((u) => u.clusterId !== undefined)) {
      const id = unit.clusterId!;
      sizes.set(id, (sizes.get(id) ?? 0) + 1);
      clusters.set(id, (clusters.get(id) ?? new Set()).add(unit.address.municipalityCode));
    }
    expect(Math.max(...sizes.values())).toBeLessThanOrEqual(MAX_CLUSTER_SIZE);
    expect([...clusters.values()].every((codes) => codes.size === 1)).toBe(true);
    expect(new Set([...clusters.values()].flatMap((codes) => [...codes])).size).toBeGreaterThan(3);
  });

  it('makes about 800 client profiles that pass the API schema, from municipalities of the region', () => {
    expect(clients.length).toBeGreaterThanOrEqual(780);
    expect(clients.length).toBeLessThanOrEqual(820);
    for (const { support, ...client } of clients) {
      const input = { ...client, support: { intensity: support.intensity } };
      expect(createClientSchema.parse(input)).toEqual(input);
      expect(municipality.has(client.municipalityOfBelonging)).toBe(true);
      expect(client.readySince <= TODAY && client.readySince >= '2025-04-01').toBe(true);
      expect(client.consent === null || client.consent.givenOn <= TODAY).toBe(true);
    }
  });

  it('has most VO clients avoid their own municipality and gives Skaeve Huse only to a small group', () => {
    const vo = clients.filter((c) => c.targetGroup === 'vo');
    const avoidingHome = vo.filter((c) =>
      c.avoidMunicipalities.includes(c.municipalityOfBelonging),
    );
    expect(avoidingHome.length / vo.length).toBeGreaterThan(0.5);
    const skaeve = clients.filter((c) => c.routes.includes('skaeve_huis'));
    expect(skaeve.length).toBeGreaterThan(0);
    expect(skaeve.length / clients.length).toBeLessThan(0.1);
  });

  it('uses plain references that no BSN check flags', () => {
    for (const ref of [...units, ...clients].map((record) => record.externalRef)) {
      expect(ref).toMatch(/^[A-Z]{2,4}-[CU]-\d{4}$/);
      expect(containsBsn(ref)).toBe(false);
    }
    expect(new Set(clients.map((c) => c.externalRef)).size).toBe(clients.length);
  });
});

describe('demoToken', () => {
  it('is the same every time, at least 32 characters, and changes with the key', () => {
    const token = demoToken('corporation', 'woonstichting-maasdal', undefined);
    expect(token).toBe(demoToken('corporation', 'woonstichting-maasdal', undefined));
    expect(token).toMatch(/^mpt_demo_corporation_woonstichting-maasdal_[0-9a-f]{24}$/);
    expect(demoToken('corporation', 'woonstichting-maasdal', 'x'.repeat(40))).not.toBe(token);
  });
});
