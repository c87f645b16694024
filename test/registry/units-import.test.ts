import request from 'supertest';

import { tableCounts } from '../support/db-counts';
import {
  bearer,
  createOrganisation,
  createRegion,
  type TestOrganisation,
  type TestRegion,
} from '../support/factories';
import { countCheckouts } from '../support/pool-checkouts';
import { createTestApp, type TestApp } from '../support/test-app';

const HEADER = [
  'externalRef',
  'type',
  'street',
  'houseNumber',
  'postcode',
  'municipalityCode',
  'neighbourhoodCode',
  'lat',
  'lon',
  'rent',
  'bedrooms',
  'floor',
  'hasLift',
  'wheelchairAccessible',
  'stimulus',
  'furnished',
  'availableFrom',
  'contingentYear',
  'omklapReviewAfterMonths',
  'doorstroomMaxStayMonths',
  'clusterId',
];
const TYPES = ['contingent', 'omklap', 'doorstroom', 'skaeve_huis'] as const;

function csvRows(region: TestRegion, count: number, prefix: string): string[][] {
  return Array.from({ length: count }, (_, i) => {
    const municipality = region.municipalities[i % region.municipalities.length]!;
    const type = TYPES[i % TYPES.length]!;
    return [
      `${prefix}-${i}`,
      type,
      'Maasboulevard',
      String(1 + (i % 400)),
      '5911 AB',
      municipality.code,
      municipality.neighbourhoods[i % municipality.neighbourhoods.length]!,
      (municipality.lat + 0.001).toFixed(4),
      (municipality.lon + 0.001).toFixed(4),
      '612.40',
      String(1 + (i % 3)),
      String(i % 4),
      i % 2 ? 'true' : 'false',
      'false',
      'medium',
      'false',
      '2026-12-01',
      type === 'contingent' ? '2026' : '',
      type === 'omklap' ? '12' : '',
      type === 'doorstroom' ? '12' : '',
      // Clusters of at most 6 in one municipality: the row index decides both.
      type === 'skaeve_huis'
        ? `${prefix}-K${Math.floor(i / (4 * region.municipalities.length * 6))}-${municipality.code}`
        : '',
    ];
  });
}

const toCsv = (rows: string[][], header = HEADER) =>
  [header, ...rows].map((row) => row.join(',')).join('\n');

describe('CSV import of units', () => {
  let t: TestApp;
  let region: TestRegion;
  let corporation: TestOrganisation;

  beforeAll(async () => {
    t = await createTestApp();
    region = await createRegion(t.runtime.dataSource, { municipalities: 3, neighbourhoods: 3 });
    corporation = await createOrganisation(t.runtime.dataSource, 'corporatie', {
      regionCode: region.code,
    });
  });
  afterAll(() => t.close());

  const importCsv = (csv: string) =>
    request(t.app)
      .post('/api/v1/units/import')
      .set(bearer(corporation.token))
      .set('Content-Type', 'text/csv')
      .send(csv);

  it('when 1,000 rows hold one bad row in the middle, then 422 names that line and nothing is stored; fixed, all 1,000 are', async () => {
    const rows = csvRows(region, 1000, 'IMP');
    const bad = rows[499]!;
    bad[HEADER.indexOf('postcode')] = '59 11AB';
    bad[HEADER.indexOf('rent')] = 'zeshonderd';
    const before = await tableCounts(t.runtime.dataSource);

    const rejected = await importCsv(toCsv(rows)).expect(422);
    // The header is line 1, so row 500 is line 501.
    expect(rejected.body.errors).toEqual([
      { path: 'lines[501].postcode', message: expect.any(String) },
      { path: 'lines[501].rent', message: expect.any(String) },
    ]);
    expect(rejected.body.detail).toContain('lines 501');
    expect(await tableCounts(t.runtime.dataSource)).toEqual(before);

    bad[HEADER.indexOf('postcode')] = '5911 AB';
    bad[HEADER.indexOf('rent')] = '600';
    const accepted = await importCsv(toCsv(rows)).expect(201);
    expect(accepted.body).toEqual({ created: 1000, unchanged: 0, total: 1000 });
    const stored = await t.runtime.dataSource.query<{ type: string; n: string }[]>(
      `SELECT type, count(*) AS n FROM units WHERE corporation_id = $1 AND external_ref LIKE 'IMP-%' GROUP BY type ORDER BY type`,
      [corporation.id],
    );
    expect(stored).toEqual([
      { type: 'contingent', n: '250' },
      { type: 'doorstroom', n: '250' },
      { type: 'omklap', n: '250' },
      { type: 'skaeve_huis', n: '250' },
    ]);

    // Sending the same file again is harmless: every row is recognised as already registered.
    const again = await importCsv(toCsv(rows)).expect(200);
    expect(again.body).toEqual({ created: 0, unchanged: 1000, total: 1000 });
  });

  it('when a file is imported, imported again or refused, then each request checks out one connection', async () => {
    await request(t.app).get('/api/v1/me').set(bearer(corporation.token)).expect(200); // the token known
    const rows = csvRows(region, 8, 'ONE'); // every type, Skaeve Huse in a cluster among them
    const first = await countCheckouts(t.runtime.dataSource, () =>
      importCsv(toCsv(rows)).expect(201),
    );
    expect(first).toMatchObject({ checkouts: 1, result: { body: { created: 8 } } });
    const again = await countCheckouts(t.runtime.dataSource, () =>
      importCsv(toCsv(rows)).expect(200),
    );
    expect(again).toMatchObject({ checkouts: 1, result: { body: { unchanged: 8 } } });
    rows[2]![HEADER.indexOf('rent')] = '655';
    const refused = await countCheckouts(t.runtime.dataSource, () =>
      importCsv(toCsv(rows)).expect(422),
    );
    expect(refused.checkouts).toBe(1);
  });

  it('when a re-sent row differs from the registered unit, then that line is refused', async () => {
    const rows = csvRows(region, 3, 'DIFF');
    await importCsv(toCsv(rows)).expect(201);
    rows[1]![HEADER.indexOf('rent')] = '650';
    const response = await importCsv(toCsv(rows)).expect(422);
    expect(response.body.errors).toEqual([
      {
        path: 'lines[3].externalRef',
        message: expect.stringContaining('already registered with other data'),
      },
    ]);
  });

  it('when a spreadsheet exports with semicolons, decimal commas and ja/nee, then it is understood', async () => {
    const m = region.municipalities[0]!;
    const header =
      'externalRef;type;street;houseNumber;postcode;municipalityCode;neighbourhoodCode;lat;lon;rent;bedrooms;floor;hasLift;wheelchairAccessible;stimulus;furnished;availableFrom;contingentYear';
    const line = `NL-1;contingent;Markt;3b;5911ab;${m.code};${m.neighbourhoods[0]};${String(m.lat).replace('.', ',')};${String(m.lon).replace('.', ',')};589,95;1;2;ja;nee;low;nee;2027-01-15;2027`;
    await importCsv(`\uFEFF${header}\r\n${line}\r\n`).expect(201);
    const unit = await request(t.app)
      .get('/api/v1/units?externalRef=NL-1')
      .set(bearer(corporation.token))
      .expect(200);
    expect(unit.body.items[0]).toMatchObject({
      rent: 589.95,
      hasLift: true,
      wheelchairAccessible: false,
      address: { postcode: '5911 AB', houseNumber: '3b' },
    });
  });

  it('when columns are unknown or missing, or rows repeat an externalRef, then 422 says so and nothing is stored', async () => {
    const before = await tableCounts(t.runtime.dataSource);
    const header = HEADER.filter((column) => column !== 'rent').concat('huurder');
    const columns = await importCsv(`${header.join(',')}\nx`).expect(422);
    expect(columns.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'columns.huurder',
      'columns.rent',
    ]);

    const rows = csvRows(region, 4, 'DUP');
    rows[3]![0] = rows[0]![0]!;
    const duplicate = await importCsv(toCsv(rows)).expect(422);
    expect(duplicate.body.errors).toEqual([
      { path: 'lines[5].externalRef', message: 'also on line 2' },
    ]);

    await importCsv('').expect(422);
    expect(await tableCounts(t.runtime.dataSource)).toEqual(before);
  });

  it('when the body is JSON instead of CSV, then 415', async () => {
    await request(t.app)
      .post('/api/v1/units/import')
      .set(bearer(corporation.token))
      .send({ rows: [] })
      .expect(415);
  });
});
