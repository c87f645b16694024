/**
 * Units CSV import: 5,000 rows through the real service (parse, validate, reference checks, one
 * transaction) into a throwaway database. Needs PostgreSQL (DATABASE_URL's server).
 */
import type { DataSource } from 'typeorm';

import { loadConfig } from '../../config';
import { UnitService } from '../../src/modules/units';
import type { Actor } from '../../src/shared/auth/actor';
import { createDataSource } from '../../src/shared/database/data-source';
import { runMigrations } from '../../src/shared/database/migrate.cli';
import { createSeededRandom } from '../../src/shared/random/seeded-random';
import { probeServer, throwawayDatabase } from '../throwaway-database';

const ROWS = 5_000;
const RUNS = 3;

async function setUpCorporation(
  dataSource: DataSource,
): Promise<{ actor: Actor; codes: { gm: string; bu: string[] }[] }> {
  await dataSource.query(`INSERT INTO regions (code, name) VALUES ('bench', 'Bench')`);
  const codes: { gm: string; bu: string[] }[] = [];
  for (let m = 0; m < 10; m++) {
    const gm = `GM9${String(m).padStart(3, '0')}`;
    await dataSource.query(
      `INSERT INTO municipalities (code, name, region_code, lat, lon) VALUES ($1, $1, 'bench', 51.3, 6.0)`,
      [gm],
    );
    const bu = Array.from({ length: 8 }, (_, n) => `BU${gm.slice(2)}${String(n).padStart(4, '0')}`);
    for (const code of bu) {
      await dataSource.query(
        `INSERT INTO neighbourhoods (code, name, municipality_code, lat, lon) VALUES ($1, $1, $2, 51.3, 6.0)`,
        [code, gm],
      );
    }
    codes.push({ gm, bu });
  }
  const rows = await dataSource.query<{ id: string }[]>(
    `INSERT INTO organisations (name, kind, region_code) VALUES ('Bench corp', 'corporatie', 'bench') RETURNING id`,
  );
  const organisationId = rows[0]?.id ?? '';
  return {
    actor: {
      tokenId: '00000000-0000-4000-8000-000000000000',
      role: 'corporation',
      organisationId,
      organisationKind: 'corporatie',
      regionCode: 'bench',
      municipalityCodes: [],
    },
    codes,
  };
}

function csv(codes: { gm: string; bu: string[] }[], prefix: string): string {
  const random = createSeededRandom(7);
  const header =
    'externalRef,type,street,houseNumber,postcode,municipalityCode,neighbourhoodCode,lat,lon,rent,bedrooms,floor,hasLift,wheelchairAccessible,stimulus,furnished,availableFrom,contingentYear,omklapReviewAfterMonths,doorstroomMaxStayMonths,clusterId';
  const lines = Array.from({ length: ROWS }, (_, i) => {
    const place = codes[i % codes.length] ?? { gm: '', bu: [''] };
    const type =
      (['contingent', 'omklap', 'doorstroom', 'skaeve_huis'] as const)[i % 4] ?? 'contingent';
    return [
      `${prefix}-${i}`,
      type,
      'Maasboulevard',
      String(1 + (i % 500)),
      '5911 AB',
      place.gm,
      random.pick(place.bu),
      (51.3 + random.float() * 0.05).toFixed(4),
      (6 + random.float() * 0.05).toFixed(4),
      (450 + random.int(0, 40000) / 100).toFixed(2),
      random.int(0, 4),
      random.int(0, 6),
      random.chance(0.4),
      random.chance(0.1),
      random.pick(['low', 'medium', 'high']),
      random.chance(0.2),
      '2026-12-01',
      type === 'contingent' ? '2026' : '',
      type === 'omklap' ? '12' : '',
      type === 'doorstroom' ? '12' : '',
      type === 'skaeve_huis' ? `${prefix}-K${Math.floor(i / 40)}-${place.gm}` : '',
    ].join(',');
  });
  return [header, ...lines].join('\n');
}

export default async function run(): Promise<Record<string, unknown>[]> {
  const config = loadConfig(process.env);
  const unreachable = await probeServer(config.DATABASE_URL);
  if (unreachable !== undefined) {
    return [{ bench: 'import', skipped: `PostgreSQL unreachable: ${unreachable}` }];
  }
  const database = await throwawayDatabase(config.DATABASE_URL);
  const url = database.url;
  const dataSource = createDataSource(
    { DATABASE_URL: url, DATABASE_POOL_SIZE: 4 },
    { applicationName: 'bench' },
  );
  try {
    await runMigrations({ DATABASE_URL: url }, 'up');
    await dataSource.initialize();
    const { actor, codes } = await setUpCorporation(dataSource);
    const service = new UnitService(dataSource, () => new Date('2026-11-22T12:00:00Z'));
    const timings: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const body = csv(codes, `R${run}`);
      const started = performance.now();
      const result = await service.import(actor, body);
      timings.push(performance.now() - started);
      if (result.created !== ROWS) throw new Error(`imported ${result.created} of ${ROWS}`);
    }
    const body = csv(codes, 'R0');
    const started = performance.now();
    const again = await service.import(actor, body);
    const repeatMs = performance.now() - started;
    timings.sort((a, b) => a - b);
    return [
      {
        bench: 'import',
        rows: ROWS,
        medianMs: Math.round(timings[Math.floor(RUNS / 2)] ?? 0),
        runsMs: timings.map(Math.round),
        reimportUnchanged: again.unchanged,
        reimportMs: Math.round(repeatMs),
        bytes: Buffer.byteLength(body),
      },
    ];
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.drop();
  }
}
