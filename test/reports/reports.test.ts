import { parse } from 'csv-parse/sync';
import request from 'supertest';

import { ClientService } from '../../src/modules/clients';
import { requestMatchingRun } from '../../src/modules/matching';
import { PlacementService } from '../../src/modules/placements';
import { addDays } from '../../src/shared/time/clock';
import {
  bearer,
  createOrganisation,
  createToken,
  type TestOrganisation,
} from '../support/factories';
import { createMatchingWorld, type MatchingWorld, today } from '../support/matching';
import { clientBody, unitBody } from '../support/registry-fixtures';
import { createTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(120_000);

type Cell = number | string | null;
type Row = Record<string, Cell>;
interface Overview {
  from: string;
  to: string;
  municipalityCodes: string[];
  protection: { threshold: number; primary: string; secondary: string } | null;
  tables: Record<string, Row[]>;
}

/** What the test itself recorded while it built the scenario: the figures are counted from this. */
interface ModelClient {
  id: string;
  municipality: string;
  targetGroup: string;
  readySince: string;
  closed: boolean;
}
interface ModelProposal {
  id: string;
  clientId: string;
  unitType: string;
  unitNeighbourhood: string;
  /** corporation|municipality|year of the pledge a contingent home counts against. */
  pledge?: string;
  status: string;
  leaseStart?: string;
}
interface ModelCheckin {
  clientId: string;
  months: number;
  due: string;
  status: 'open' | 'done' | 'cancelled';
  stablyHoused?: boolean;
}
interface ModelEvent {
  clientId: string;
  type: string;
  date: string;
}
interface ModelDecision {
  clientId: string;
  action: string;
  party: string;
  reason: string;
}

const TARGET_GROUPS = ['bw', 'mo', 'vo', 'other'];
const STATUSES = [
  'proposed',
  'approved',
  'accepted',
  'placed',
  'rejected',
  'declined',
  'cancelled',
  'expired',
];
const parseCsv = (text: string, delimiter: string): string[][] =>
  parse(text, { bom: true, delimiter });
/** Calendar months on, the day clamped to the month's last (as PostgreSQL adds an interval). */
const addMonths = (date: string, months: number) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
};
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
/** percentile_disc: the smallest value with at least p of the values at or below it. */
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.ceil(p * values.length) - 1] ?? null;

describe('policy information', () => {
  let t: TestApp;
  let world: MatchingWorld;
  let secondMatcher: string;
  let viewer: TestOrganisation;
  let odd: { id: string; token: string };
  let m1: string;
  let m2: string;
  const year = today().slice(0, 4);
  const clients: ModelClient[] = [];
  const proposals: ModelProposal[] = [];
  const decisions: ModelDecision[] = [];
  const checkins = new Map<string, ModelCheckin[]>();
  const events: ModelEvent[] = [];

  const api = () => request(t.app);

  async function register(
    municipality: string,
    targetGroup: string,
    readySinceDaysAgo: number,
  ): Promise<string> {
    const readySince = addDays(today(), -readySinceDaysAgo);
    const response = await api()
      .post('/api/v1/clients')
      .set(bearer(world.provider.token))
      .send(
        clientBody(world.region, {
          targetGroup,
          municipalityOfBelonging: municipality,
          preferredMunicipalities: [municipality],
          avoidMunicipalities: [],
          routes: ['contingent', 'omklap', 'skaeve_huis', 'doorstroom'],
          readySince,
          consent: { givenOn: addDays(today(), -1), scope: 'matching' },
        }),
      )
      .expect(201);
    const id = response.body.id as string;
    clients.push({ id, municipality, targetGroup, readySince, closed: false });
    return id;
  }

  const TYPE_FIELDS: Record<string, Record<string, unknown>> = {
    contingent: { contingentYear: Number(year) },
    omklap: { contingentYear: undefined, omklap: { reviewAfterMonths: 12 } },
    doorstroom: { contingentYear: undefined, doorstroom: { maxStayMonths: 12 } },
    skaeve_huis: { contingentYear: undefined, clusterId: 'SH-1' },
  };

  async function offer(
    type: string,
    options: {
      municipality?: number;
      corporation?: { token: string };
      contingentYear?: number;
      terms?: Record<string, unknown>;
    } = {},
  ): Promise<{ id: string; neighbourhood: string }> {
    const municipality = world.region.municipalities[options.municipality ?? 0]!;
    const neighbourhood = municipality.neighbourhoods[0]!;
    const response = await api()
      .post('/api/v1/units')
      .set(bearer((options.corporation ?? world.corporation).token))
      .send(
        unitBody(world.region, {
          type,
          ...TYPE_FIELDS[type],
          ...(options.contingentYear ? { contingentYear: options.contingentYear } : {}),
          ...options.terms,
          address: {
            street: 'Kerkstraat',
            houseNumber: '12A',
            postcode: '5911 AB',
            municipalityCode: municipality.code,
          },
          neighbourhoodCode: neighbourhood,
          location: { lat: municipality.lat + 0.005, lon: municipality.lon + 0.005 },
          rent: 600,
          availableFrom: today(),
        }),
      )
      .expect(201);
    return { id: response.body.id as string, neighbourhood };
  }

  const step = (token: string, id: string, transition: string, body: object = {}) =>
    api().post(`/api/v1/proposals/${id}/${transition}`).set(bearer(token)).send(body).expect(200);

  /** A manual proposal (override, so the hard rules do not get in the way), approved by another matcher. */
  async function propose(
    clientId: string,
    type: string,
    until: 'proposed' | 'approved' | 'accepted',
    options: Parameters<typeof offer>[1] = {},
  ): Promise<ModelProposal> {
    const unit = await offer(type, options);
    const created = await api()
      .post('/api/v1/proposals')
      .set(bearer(world.matcher.token))
      .send({ unitId: unit.id, clientId, justification: 'Past goed bij elkaar.', override: true })
      .expect(201);
    const proposal: ModelProposal = {
      id: created.body.id as string,
      clientId,
      unitType: type,
      unitNeighbourhood: unit.neighbourhood,
      status: 'proposed',
    };
    if (type === 'contingent') {
      proposal.pledge = [
        options.corporation === odd ? odd.id : world.corporation.id,
        world.region.municipalities[options.municipality ?? 0]!.code,
        options.contingentYear ?? Number(year),
      ].join('|');
    }
    proposals.push(proposal);
    if (until === 'proposed') return proposal;
    await step(secondMatcher, proposal.id, 'approve');
    proposal.status = 'approved';
    if (until === 'approved') return proposal;
    await step((options.corporation ?? world.corporation).token, proposal.id, 'accept');
    await step(world.provider.token, proposal.id, 'accept');
    proposal.status = 'accepted';
    return proposal;
  }

  async function end(
    proposal: ModelProposal,
    token: string,
    action: 'reject' | 'decline' | 'cancel',
    party: string,
    reason: string,
  ) {
    await step(token, proposal.id, action, { reason });
    proposal.status = { reject: 'rejected', decline: 'declined', cancel: 'cancelled' }[action];
    decisions.push({ clientId: proposal.clientId, action, party, reason });
  }

  async function place(
    proposal: ModelProposal,
    leaseStart: string,
    corporation = world.corporation,
  ): Promise<string> {
    await step(corporation.token, proposal.id, 'placement', { leaseStart });
    proposal.status = 'placed';
    proposal.leaseStart = leaseStart;
    client(proposal.clientId).closed = true;
    // A doorstroom tenancy the client moves on from ends as it is placed in its next home.
    for (const [id, list] of checkins) {
      if (list[0]?.clientId === proposal.clientId && movingOn.has(id)) {
        endTenancy(id, 'moved_on', leaseStart);
      }
    }
    const [row] = await t.runtime.dataSource.query<{ id: string }[]>(
      `SELECT id FROM placements WHERE proposal_id = $1`,
      [proposal.id],
    );
    const placementId = row!.id;
    checkins.set(
      placementId,
      [3, 6, 12].map((months) => ({
        clientId: proposal.clientId,
        months,
        due: addMonths(leaseStart, months),
        status: 'open' as const,
      })),
    );
    return placementId;
  }

  const movingOn = new Set<string>();

  function endTenancy(placementId: string, type: string, date: string) {
    const list = checkins.get(placementId)!;
    for (const checkin of list) if (checkin.status === 'open') checkin.status = 'cancelled';
    events.push({ clientId: list[0]!.clientId, type, date });
    movingOn.delete(placementId);
  }

  async function lifecycle(
    placementId: string,
    token: string,
    type: string,
    date: string,
    extra: Record<string, unknown> = {},
  ) {
    await api()
      .post(`/api/v1/placements/${placementId}/events`)
      .set(bearer(token))
      .send({ type, date, ...extra })
      .expect(200);
    const list = checkins.get(placementId)!;
    const clientId = list[0]!.clientId;
    if (type === 'checkin') {
      const checkin = list.find((c) => c.months === extra.months)!;
      checkin.status = 'done';
      checkin.stablyHoused = extra.stablyHoused as boolean;
    } else if (type === 'ended' || type === 'returned_to_waiting') {
      endTenancy(placementId, type, date);
      if (type === 'returned_to_waiting') client(clientId).closed = false;
    } else {
      events.push({ clientId, type, date });
    }
  }

  const client = (id: string) => clients.find((c) => c.id === id)!;

  async function overview(token: string, query: Record<string, string> = {}): Promise<Overview> {
    const response = await api()
      .get('/api/v1/reports/overview')
      .query({ from: `${year}-01-01`, to: `${year}-12-31`, ...query })
      .set(bearer(token))
      .expect(200);
    return response.body as Overview;
  }

  beforeAll(async () => {
    t = await createTestApp();
    world = await createMatchingWorld(t.app, t.runtime.dataSource);
    m1 = world.region.municipalities[0]!.code;
    m2 = world.region.municipalities[1]!.code;
    secondMatcher = (await createToken(t.runtime.dataSource, world.matcher.id, 'matchingspunt'))
      .token;
    viewer = await createOrganisation(t.runtime.dataSource, 'gemeente', {
      regionCode: world.region.code,
      municipalityCodes: [m1],
    });
    // A corporation whose name a spreadsheet would run as a formula.
    const created = await api()
      .post('/api/v1/organisations')
      .set(bearer(world.admin.token))
      .send({ name: '=1+1 Wonen', kind: 'corporatie', regionCode: world.region.code })
      .expect(201);
    const token = await api()
      .post(`/api/v1/organisations/${created.body.id}/tokens`)
      .set(bearer(world.admin.token))
      .send({ role: 'corporation', label: 'test' })
      .expect(201);
    odd = { id: created.body.id as string, token: token.body.token as string };

    for (const [corporation, municipalityCode, pledged] of [
      [world.corporation.token, m1, 3],
      [world.corporation.token, m2, 2],
      [odd.token, m1, 1],
    ] as const) {
      await api()
        .post('/api/v1/contingents')
        .set(bearer(corporation))
        .send({ municipalityCode, year: Number(year), pledged })
        .expect(201);
    }

    // Waiting, never proposed: six clients of target group "other" ready for under three months
    // in M1, and one each in the other bands; one not ready yet.
    for (let i = 0; i < 6; i++) await register(m1, 'other', 10 + i);
    await register(m1, 'mo', 100);
    await register(m1, 'vo', 250);
    await register(m2, 'other', 500);
    await register(m1, 'bw', -30);

    // Every outcome of a proposal.
    await propose(await register(m1, 'mo', 200), 'contingent', 'proposed');
    await propose(await register(m2, 'bw', 40), 'contingent', 'approved', { municipality: 1 });
    await propose(await register(m1, 'bw', 400), 'doorstroom', 'accepted');
    const rejected = await propose(await register(m1, 'bw', 60), 'contingent', 'proposed');
    await end(rejected, world.matcher.token, 'reject', 'matcher', 'better_alternative');
    const byCorporation = await propose(await register(m1, 'vo', 70), 'contingent', 'approved');
    await end(
      byCorporation,
      world.corporation.token,
      'decline',
      'corporation',
      'household_does_not_fit',
    );
    const byProvider = await propose(await register(m2, 'mo', 80), 'contingent', 'approved');
    await end(byProvider, world.provider.token, 'decline', 'provider', 'location_refused');
    const cancelled = await propose(await register(m1, 'bw', 95), 'omklap', 'accepted');
    await end(cancelled, world.matcher.token, 'cancel', 'matcher', 'information_incomplete');

    // Placements of each type; one whose lease started last year (outside the period).
    await place(
      await propose(await register(m1, 'bw', 150), 'contingent', 'accepted'),
      addDays(today(), -3),
    );
    await place(
      await propose(await register(m1, 'mo', 300), 'omklap', 'accepted'),
      addDays(today(), -20),
    );
    await place(await propose(await register(m1, 'other', 30), 'skaeve_huis', 'accepted'), today());
    await place(
      await propose(await register(m2, 'bw', 120), 'doorstroom', 'accepted', { municipality: 1 }),
      addDays(today(), -1),
    );
    await place(
      await propose(await register(m1, 'bw', 160), 'contingent', 'accepted', { corporation: odd }),
      addDays(today(), -2),
      { ...world.corporation, token: odd.token },
    );
    await place(
      await propose(await register(m1, 'bw', 700), 'contingent', 'accepted', {
        contingentYear: Number(year) - 1,
      }),
      `${Number(year) - 1}-12-15`,
    );

    // Tenancies that began 200 days ago: an omklap that flips, one that goes back (terugklap,
    // and its client returns to waiting), a doorstroom stay whose client moves on, with the
    // check-ins the providers recorded; and one tenancy the corporation ends.
    const longAgo = addDays(today(), -200);
    const flipped = await place(
      await propose(await register(m1, 'mo', 400), 'omklap', 'accepted'),
      longAgo,
    );
    await lifecycle(flipped, world.provider.token, 'checkin', today(), {
      months: 3,
      stablyHoused: true,
    });
    await lifecycle(flipped, world.corporation.token, 'omklap_flipped', addDays(today(), -10));
    const reverted = await place(
      await propose(await register(m1, 'vo', 300), 'omklap', 'accepted'),
      longAgo,
    );
    await lifecycle(reverted, world.provider.token, 'checkin', today(), {
      months: 3,
      stablyHoused: false,
    });
    await lifecycle(reverted, world.corporation.token, 'terugklap', addDays(today(), -5));
    await lifecycle(reverted, world.provider.token, 'returned_to_waiting', addDays(today(), -1));
    const mover = await register(m1, 'bw', 500);
    const stay = await place(
      await propose(mover, 'doorstroom', 'accepted', {
        terms: { doorstroom: { maxStayMonths: 6 } },
      }),
      longAgo,
    );
    await lifecycle(stay, world.provider.token, 'checkin', today(), {
      months: 3,
      stablyHoused: true,
    });
    const followUp = await new PlacementService(
      t.runtime.dataSource,
      () => new Date(),
      requestMatchingRun,
    ).followUp();
    expect(followUp.movingOn).toBe(1);
    events.push({ clientId: mover, type: 'doorstroom_moving_on', date: today() });
    movingOn.add(stay);
    client(mover).closed = false;
    await place(await propose(mover, 'contingent', 'accepted'), today());
    const first = proposals.find((p) => p.unitType === 'contingent' && p.status === 'placed')!;
    const [firstPlacement] = await t.runtime.dataSource.query<{ id: string }[]>(
      `SELECT id FROM placements WHERE proposal_id = $1`,
      [first.id],
    );
    await lifecycle(firstPlacement!.id, world.corporation.token, 'ended', today());

    // Matching runs of the region (set up as a finished run stores them): two real, one dry.
    for (const [dryRun, assigned, greedyAssigned, objective, greedyObjective] of [
      [false, 3, 2, 2.5, 1.75],
      [false, 4, 4, 3.25, 3],
      [true, 9, 1, 9, 1],
    ] as const) {
      await t.runtime.dataSource.query(
        `INSERT INTO matching_runs (region_code, status, trigger, dry_run, stats, finished_at)
         VALUES ($1, 'done', 'request', $2, $3, now())`,
        [world.region.code, dryRun, { assigned, greedyAssigned, objective, greedyObjective }],
      );
    }
  });
  afterAll(() => t.close());

  /** The figures, counted from the scenario the test recorded, per municipality and target group. */
  function expectedTables(municipalities: string[]): Record<string, Row[]> {
    const asOf = today();
    const grid = (count: (municipality: string, targetGroup: string) => Row) =>
      municipalities.flatMap((m) =>
        TARGET_GROUPS.map((tg) => ({ municipalityCode: m, targetGroup: tg, ...count(m, tg) })),
      );
    const of = (m: string, tg: string) =>
      clients.filter((c) => c.municipality === m && c.targetGroup === tg);
    const inPeriod = (p: ModelProposal) =>
      p.status === 'placed' && p.leaseStart !== undefined && p.leaseStart >= `${year}-01-01`;
    const placedOf = (m: string, tg: string) => {
      const ids = new Set(of(m, tg).map((c) => c.id));
      return proposals.filter((p) => ids.has(p.clientId) && inPeriod(p));
    };
    const band = (days: number) =>
      days < 90
        ? 'under3Months'
        : days < 180
          ? 'months3To6'
          : days < 360
            ? 'months6To12'
            : 'over12Months';
    return {
      waiting: grid((m, tg) => {
        const row: Row = {
          under3Months: 0,
          months3To6: 0,
          months6To12: 0,
          over12Months: 0,
          total: 0,
        };
        for (const c of of(m, tg)) {
          if (c.closed || c.readySince > asOf) continue;
          const key = band(daysBetween(c.readySince, asOf));
          row[key] = (row[key] as number) + 1;
          row.total = (row.total as number) + 1;
        }
        return row;
      }),
      instroom: grid((m, tg) => ({ registered: of(m, tg).length })),
      placements: grid((m, tg) => {
        const placed = placedOf(m, tg);
        const n = (type: string) => placed.filter((p) => p.unitType === type).length;
        return {
          contingent: n('contingent'),
          omklap: n('omklap'),
          skaeveHuis: n('skaeve_huis'),
          doorstroom: n('doorstroom'),
          total: placed.length,
        };
      }),
      placementChanges: grid((m, tg) => {
        const ids = new Set(of(m, tg).map((c) => c.id));
        const mine = events.filter((e) => ids.has(e.clientId) && e.date.startsWith(year));
        const n = (type: string) => mine.filter((e) => e.type === type).length;
        return {
          omklapFlipped: n('omklap_flipped'),
          omklapExtended: n('omklap_extended'),
          terugklap: n('terugklap'),
          returnedToWaiting: n('returned_to_waiting'),
          doorstroomMovingOn: n('doorstroom_moving_on'),
          doorstroomMovedOn: n('moved_on'),
          ended: n('ended'),
        };
      }),
      followUp: municipalities.flatMap((m) =>
        TARGET_GROUPS.flatMap((tg) =>
          [3, 6, 12].map((months) => {
            const ids = new Set(of(m, tg).map((c) => c.id));
            const due = [...checkins.values()]
              .flat()
              .filter(
                (c) =>
                  ids.has(c.clientId) &&
                  c.months === months &&
                  c.due.startsWith(year) &&
                  c.status !== 'cancelled',
              );
            const recorded = due.filter((c) => c.status === 'done');
            const stable = recorded.filter((c) => c.stablyHoused).length;
            return {
              municipalityCode: m,
              targetGroup: tg,
              months,
              stablyHoused: stable,
              notStablyHoused: recorded.length - stable,
              notRecorded: due.length - recorded.length,
              due: due.length,
              stablyHousedShare:
                recorded.length > 0 ? Math.round((1000 * stable) / recorded.length) / 1000 : null,
            };
          }),
        ),
      ),
      timeToPlacement: grid((m, tg) => {
        const days = placedOf(m, tg).map((p) =>
          daysBetween(client(p.clientId).readySince, p.leaseStart!),
        );
        return {
          placed: days.length,
          medianDays: percentile(days, 0.5),
          p90Days: percentile(days, 0.9),
        };
      }),
      proposals: grid((m, tg) => {
        const ids = new Set(of(m, tg).map((c) => c.id));
        const mine = proposals.filter((p) => ids.has(p.clientId));
        const row: Row = {};
        for (const status of STATUSES) {
          row[status] = mine.filter((p) => p.status === status).length;
        }
        return { ...row, total: mine.length };
      }),
      declines: decisions
        .filter((d) => municipalities.includes(client(d.clientId).municipality))
        .map((d) => ({
          municipalityCode: client(d.clientId).municipality,
          targetGroup: client(d.clientId).targetGroup,
          action: d.action,
          party: d.party,
          reason: d.reason,
          count: 1,
        }))
        .sort((a, b) =>
          [a.municipalityCode, a.targetGroup, a.action]
            .join('|')
            .localeCompare([b.municipalityCode, b.targetGroup, b.action].join('|')),
        ),
    };
  }

  it('when a matcher asks for the overview of a scenario built through the API, then every figure equals a count made from the scenario', async () => {
    const body = await overview(world.matcher.token);
    expect(body.protection).toBeNull();
    expect(body.municipalityCodes).toEqual([m1, m2].sort());
    const expected = expectedTables(body.municipalityCodes);
    for (const [table, rows] of Object.entries(expected)) {
      expect({ table, rows: body.tables[table] }).toEqual({ table, rows });
    }
    // Pledges against the homes placed in them (each home once; last year's home counts
    // against last year's pledge, which is not in this period).
    const placedIn = (corporation: string, municipality: string) =>
      proposals.filter(
        (p) => p.status === 'placed' && p.pledge === [corporation, municipality, year].join('|'),
      ).length;
    const ours = expect.any(String) as unknown as string;
    expect(body.tables.contingents).toEqual(
      expect.arrayContaining(
        [
          [world.corporation.id, ours, m1, 3],
          [world.corporation.id, ours, m2, 2],
          [odd.id, '=1+1 Wonen', m1, 1],
        ].map(([corporationId, corporationName, municipalityCode, pledged]) => ({
          year: Number(year),
          municipalityCode,
          corporationId,
          corporationName,
          pledged,
          placed: placedIn(corporationId as string, municipalityCode as string),
        })),
      ),
    );
    expect(body.tables.contingents).toHaveLength(3);
    // Load per neighbourhood: open proposals and this cap window's placements, without the
    // cap-exempt types (omklap, Skaeve Huis); the default cap.
    const load = new Map<string, number>();
    for (const p of proposals) {
      const counts = ['proposed', 'approved', 'accepted', 'placed'].includes(p.status);
      if (counts && !['omklap', 'skaeve_huis'].includes(p.unitType)) {
        load.set(p.unitNeighbourhood, (load.get(p.unitNeighbourhood) ?? 0) + 1);
      }
    }
    expect(body.tables.neighbourhoodLoad).toEqual(
      world.region.municipalities.flatMap((m) =>
        m.neighbourhoods.map((n) => ({
          municipalityCode: m.code,
          neighbourhoodCode: n,
          load: load.get(n) ?? 0,
          cap: 3,
        })),
      ),
    );
    // The runs: the two real ones, not the dry run.
    expect(body.tables.runs).toEqual([
      {
        regionCode: world.region.code,
        runs: 2,
        assigned: 7,
        greedyAssigned: 6,
        objective: 5.75,
        greedyObjective: 4.75,
        gain: 1,
        gainPercent: 21.05,
      },
    ]);
  });

  it('when a gemeente asks, then it sees only its municipality, small counts as <5 and no hidden count it could work out', async () => {
    const body = await overview(viewer.token);
    expect(body.municipalityCodes).toEqual([m1]);
    expect(body.protection).toEqual({ threshold: 5, primary: '<5', secondary: 'x' });
    const exact = expectedTables([m1]);
    // Six clients of "other" wait under three months and none longer: 6 and the total 6 would
    // give the zeros away, so the 6 is hidden as well.
    expect(body.tables.waiting![3]).toEqual({
      municipalityCode: m1,
      targetGroup: 'other',
      under3Months: 'x',
      months3To6: '<5',
      months6To12: '<5',
      over12Months: '<5',
      total: 6,
    });
    for (const table of [
      'waiting',
      'instroom',
      'placements',
      'placementChanges',
      'followUp',
      'proposals',
    ]) {
      const rows = body.tables[table]!;
      expect(rows).toHaveLength(exact[table]!.length);
      rows.forEach((row, i) => {
        const truth = exact[table]![i]!;
        for (const [column, value] of Object.entries(row)) {
          // Not counts of people: the months of a check-in, a share.
          if (
            typeof truth[column] !== 'number' ||
            ['months', 'stablyHousedShare'].includes(column)
          ) {
            continue;
          }
          const n = truth[column];
          if (n < 5) expect({ table, column, value }).toEqual({ table, column, value: '<5' });
          else expect([n, 'x']).toContain(value);
        }
        expectNothingRecoverable(table, row);
      });
    }
    // Statistics of a hidden count are not shown.
    for (const row of body.tables.timeToPlacement!) {
      if (row.placed === '<5') expect([row.medianDays, row.p90Days]).toEqual([null, null]);
    }
    for (const row of body.tables.followUp!) {
      if (typeof row.stablyHoused === 'string' || typeof row.notStablyHoused === 'string') {
        expect(row.stablyHousedShare).toBeNull();
      }
    }
    expect(body.tables.runs).toEqual([]);
    expect(body.tables.contingents!.map((row) => row.placed)).toEqual(['<5', '<5']);

    // Another municipality, or a period that is not a calendar year: refused.
    const other = await api()
      .get('/api/v1/reports/overview')
      .query({ municipalityCode: m2 })
      .set(bearer(viewer.token));
    expect(other.status).toBe(403);
    expect(other.headers['content-type']).toMatch(/problem\+json/);
    await api()
      .get('/api/v1/reports/waiting.csv')
      .query({ municipalityCode: m2 })
      .set(bearer(viewer.token))
      .expect(403);
    const partYear = await api()
      .get('/api/v1/reports/overview')
      .query({ from: `${year}-02-01`, to: `${year}-12-31` })
      .set(bearer(viewer.token))
      .expect(400);
    expect(partYear.body.errors).toEqual([{ path: 'from', message: `must be ${year}-01-01` }]);
  });

  it('when a table is fetched as CSV, then it matches the JSON, with Excel separators on request and formulas escaped', async () => {
    const json = await overview(world.matcher.token);
    for (const [table, key] of [
      ['placements', 'placements'],
      ['waiting', 'waiting'],
      ['contingents', 'contingents'],
      ['time-to-placement', 'timeToPlacement'],
    ] as const) {
      const response = await api()
        .get(`/api/v1/reports/${table}.csv`)
        .query({ from: `${year}-01-01`, to: `${year}-12-31`, separator: 'semicolon' })
        .set(bearer(world.matcher.token))
        .expect(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.text.charCodeAt(0)).toBe(0xfeff);
      const [header, ...rows] = parseCsv(response.text, ';');
      const jsonRows = json.tables[key]!;
      expect(rows).toHaveLength(jsonRows.length);
      rows.forEach((cells, i) => {
        const asJson = Object.fromEntries(
          header!.map((column, c) => {
            const cell = cells[c]!;
            const original = jsonRows[i]![column];
            if (typeof original === 'number') return [column, Number(cell)];
            if (original === null) return [column, cell === '' ? null : cell];
            return [column, cell.startsWith("'=") ? cell.slice(1) : cell];
          }),
        );
        expect(asJson).toEqual(jsonRows[i]);
      });
      if (table === 'contingents') {
        expect(response.text).toContain(";'=1+1 Wonen;");
        expect(response.text).not.toContain(';=1+1 Wonen;');
      }
    }
    // As a gemeente sees it: the protected cells, the same as its JSON.
    const viewerCsv = await api()
      .get('/api/v1/reports/placements.csv')
      .set(bearer(viewer.token))
      .expect(200);
    const viewerJson = await overview(viewer.token);
    const [, ...viewerRows] = parseCsv(viewerCsv.text, ',');
    expect(viewerRows).toEqual(
      viewerJson.tables.placements!.map((row) => Object.values(row).map((value) => String(value))),
    );
  });

  it('when closed clients are anonymised, then every figure of the overview stays the same', async () => {
    const before = await overview(world.matcher.token);
    const viewerBefore = await overview(viewer.token);
    // Three years on, every closed client is past its retention period.
    const later = new Date(Date.now() + 3 * 365 * 86_400_000);
    const anonymised = await new ClientService(t.runtime.dataSource, () => later).anonymiseClosed();
    expect(anonymised).toBeGreaterThanOrEqual(clients.filter((c) => c.closed).length);
    const rows = await t.runtime.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM clients WHERE id = ANY($1::uuid[]) AND anonymised_at IS NOT NULL`,
      [clients.filter((c) => c.closed).map((c) => c.id)],
    );
    expect(rows[0]!.n).toBe(clients.filter((c) => c.closed).length);
    expect(await overview(world.matcher.token)).toEqual(before);
    expect(await overview(viewer.token)).toEqual(viewerBefore);
  });
});

/**
 * Brute force over what a reader knows of one protected row (published cells exactly, `<5` in
 * 0…4, `x` at least 5, parts adding up to the total): every hidden cell can take two values.
 */
function expectNothingRecoverable(table: string, row: Row) {
  const parts: Record<string, string[]> = {
    waiting: ['under3Months', 'months3To6', 'months6To12', 'over12Months'],
    placements: ['contingent', 'omklap', 'skaeveHuis', 'doorstroom'],
    proposals: STATUSES,
    instroom: ['registered'],
    followUp: ['stablyHoused', 'notStablyHoused', 'notRecorded'],
  };
  // Tables without a published total: every count stands alone, and "<5" leaves five values.
  const columns = parts[table];
  if (!columns) {
    for (const value of Object.values(row)) {
      if (typeof value === 'string' && !['<5', 'x'].includes(value)) continue;
      expect(value).not.toBe('x');
    }
    return;
  }
  const totalColumn = table === 'followUp' ? 'due' : 'total';
  const hasTotal = totalColumn in row;
  const domain = (value: Cell): number[] =>
    value === '<5'
      ? [0, 1, 2, 3, 4]
      : value === 'x'
        ? Array.from({ length: 40 }, (_, i) => 5 + i)
        : [Number(value)];
  const domains = columns.map((column) => domain(row[column]!));
  const totals = hasTotal ? new Set(domain(row[totalColumn]!)) : undefined;
  const seen = columns.map(() => new Set<number>());
  const seenTotal = new Set<number>();
  const chosen: number[] = [];
  const walk = (i: number, sum: number) => {
    if (totals && sum > Math.max(...totals)) return;
    if (i === domains.length) {
      if (totals && !totals.has(sum)) return;
      chosen.forEach((value, k) => seen[k]!.add(value));
      seenTotal.add(sum);
      return;
    }
    for (const value of domains[i]!) {
      chosen.push(value);
      walk(i + 1, sum + value);
      chosen.pop();
    }
  };
  walk(0, 0);
  columns.forEach((column, k) => {
    if (typeof row[column] === 'string') {
      expect({ table, column, values: seen[k]!.size > 1 }).toEqual({ table, column, values: true });
    }
  });
  if (hasTotal && typeof row[totalColumn] === 'string') expect(seenTotal.size).toBeGreaterThan(1);
}
