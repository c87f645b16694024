import type { DataSource } from 'typeorm';

import { type Actor, requireRole } from '../../shared/auth/actor';
import { type Db, rootDb } from '../../shared/database/db';
import { TARGET_GROUPS } from '../../shared/domain/vocabulary';
import { BadRequestError, type FieldError } from '../../shared/errors/app-error';
import { type Clock, dutchDate } from '../../shared/time/clock';
import { findPolicy, findRegion, listMunicipalities } from '../reference';
import { type CsvSeparator, formatReportCsv } from './report.csv';
import { ReportError, ReportErrorCode } from './report.errors';
import * as repository from './report.repository';
import type { ReportPeriod, ReportScope } from './report.repository';
import type { ReportOverview, ReportQuery } from './report.schemas';
import {
  CHECKIN_MONTHS,
  REPORT_TABLES,
  type ReportRow,
  type ReportTable,
  TABLES,
  type TableSpec,
} from './report.tables';
import { type Mark, present, primaryMarker, protectLine, SECONDARY_MARKER } from './small-numbers';

type RawTables = Record<ReportTable, ReportRow[]>;

/**
 * Policy information (beleidsinformatie), computed from what the registry and the workflow
 * stored: nothing is typed in twice. Matchers see their point's municipalities, an admin a whole
 * region, a gemeente its own municipality with small-number protection (docs/reports.md).
 */
export class ReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    /** Counts below this are hidden from gemeenten (`REPORT_SMALL_NUMBER_THRESHOLD`). */
    private readonly threshold: number,
  ) {}

  async overview(actor: Actor, query: ReportQuery): Promise<ReportOverview> {
    return this.report(actor, query, () => true);
  }

  /** One table of the overview as CSV: the same rows, so the two always agree. */
  async csv(
    actor: Actor,
    table: ReportTable,
    query: ReportQuery,
    separator: CsvSeparator,
  ): Promise<string> {
    // Only this table is counted (and the placements, whose protection the wait's count follows).
    const overview = await this.report(
      actor,
      query,
      (wanted) => wanted === table || (table === 'time-to-placement' && wanted === 'placements'),
    );
    const spec = TABLES[table];
    return formatReportCsv(spec, overview.tables[spec.key] ?? [], separator);
  }

  /** The overview; tables `want` leaves out are empty. */
  private async report(
    actor: Actor,
    query: ReportQuery,
    want: (table: ReportTable) => boolean,
  ): Promise<ReportOverview> {
    requireRole(actor, 'admin', 'matcher', 'viewer');
    const db = rootDb(this.dataSource);
    const scope = await this.scopeOf(db, actor, query);
    const period = this.periodOf(actor, query);
    const raw = await this.compute(db, scope, period, want);
    const protect = actor.role === 'viewer';
    const tables = protect ? this.protect(raw) : raw;
    return {
      regionCode: scope.regionCode,
      municipalityCodes: [...scope.municipalityCodes],
      from: period.from,
      to: period.to,
      asOf: period.asOf,
      protection: protect
        ? {
            threshold: this.threshold,
            primary: primaryMarker(this.threshold),
            secondary: SECONDARY_MARKER,
          }
        : null,
      tables: Object.fromEntries(REPORT_TABLES.map((table) => [TABLES[table].key, tables[table]])),
    };
  }

  private async scopeOf(db: Db, actor: Actor, query: ReportQuery): Promise<ReportScope> {
    const regionCode = query.regionCode ?? actor.regionCode;
    if (regionCode === null) {
      throw new BadRequestError('Name the region the report is about.', [
        { path: 'regionCode', message: 'required for an admin' },
      ]);
    }
    if (actor.role !== 'admin' && regionCode !== actor.regionCode) {
      throw new ReportError(
        ReportErrorCode.OutsideScope,
        `You may see reports of region "${actor.regionCode}" only.`,
      );
    }
    if (!(await findRegion(db, regionCode))) {
      throw new ReportError(ReportErrorCode.RegionNotFound, `No region "${regionCode}".`);
    }
    const inRegion = (await listMunicipalities(db, { regionCode })).map((m) => m.code);
    const visible =
      actor.role === 'admin'
        ? inRegion
        : inRegion.filter((code) => actor.municipalityCodes.includes(code));
    if (query.municipalityCode === undefined) return { regionCode, municipalityCodes: visible };
    if (visible.includes(query.municipalityCode)) {
      return { regionCode, municipalityCodes: [query.municipalityCode] };
    }
    if (actor.role === 'admin') {
      throw new BadRequestError(`${query.municipalityCode} is not in region "${regionCode}".`, [
        { path: 'municipalityCode', message: 'not a municipality of the region' },
      ]);
    }
    throw new ReportError(
      ReportErrorCode.OutsideScope,
      `You may see reports of ${visible.join(', ') || 'no municipality'} only.`,
    );
  }

  /**
   * Matchers and admins choose any period (default: this year up to today). A gemeente gets whole
   * calendar years only: two overlapping periods would let the difference of two published counts
   * reveal one the protection hides.
   */
  private periodOf(actor: Actor, query: ReportQuery): ReportPeriod {
    const today = dutchDate(this.clock());
    if (actor.role === 'viewer') {
      const year = (query.from ?? query.to ?? today).slice(0, 4);
      const from = query.from ?? `${year}-01-01`;
      const to = query.to ?? `${year}-12-31`;
      const errors: FieldError[] = [];
      if (from !== `${year}-01-01`) errors.push({ path: 'from', message: `must be ${year}-01-01` });
      if (to !== `${year}-12-31`) errors.push({ path: 'to', message: `must be ${year}-12-31` });
      if (errors.length > 0) {
        throw new BadRequestError('A gemeente sees whole calendar years only.', errors);
      }
      return { from, to, asOf: to < today ? to : today };
    }
    const to = query.to ?? today;
    const from = query.from ?? `${to.slice(0, 4)}-01-01`;
    return { from, to, asOf: to < today ? to : today };
  }

  private async compute(
    db: Db,
    scope: ReportScope,
    period: ReportPeriod,
    want: (table: ReportTable) => boolean,
  ): Promise<RawTables> {
    const policy = await findPolicy(db, scope.regionCode);
    const none = Promise.resolve([] as ReportRow[]);
    const query = (table: ReportTable, rows: () => Promise<ReportRow[]>) =>
      want(table) ? rows() : none;
    const [
      waiting,
      instroom,
      placements,
      timeToPlacement,
      changes,
      checkins,
      proposals,
      declines,
      contingents,
      load,
      runs,
    ] = await Promise.all([
      query('waiting', () => repository.waiting(db, scope, period)),
      query('instroom', () => repository.instroom(db, scope, period)),
      query('placements', () => repository.placements(db, scope, period)),
      query('time-to-placement', () => repository.timeToPlacement(db, scope, period)),
      query('placement-changes', () => repository.placementChanges(db, scope, period)),
      query('follow-up', () => repository.followUp(db, scope, period)),
      query('proposals', () => repository.proposalOutcomes(db, scope, period)),
      query('declines', () => repository.declines(db, scope, period)),
      query('contingents', () => repository.contingents(db, scope, period)),
      query('neighbourhood-load', () =>
        policy ? repository.neighbourhoodLoad(db, scope, policy, this.clock()) : none,
      ),
      query('runs', () => repository.runs(db, scope, period)),
    ]);
    const grid = (table: ReportTable, rows: ReportRow[], months?: readonly number[]) =>
      want(table) ? fillGrid(TABLES[table], rows, scope, months) : [];
    return {
      waiting: grid('waiting', waiting),
      instroom: grid('instroom', instroom),
      placements: grid('placements', placements),
      'time-to-placement': grid('time-to-placement', timeToPlacement),
      'placement-changes': grid('placement-changes', changes),
      'follow-up': grid('follow-up', checkins, CHECKIN_MONTHS).map(withShare),
      proposals: grid('proposals', proposals),
      declines,
      contingents,
      'neighbourhood-load': load,
      runs: runs.map(withGain),
    };
  }

  private protect(raw: RawTables): RawTables {
    const t = this.threshold;
    const placements = raw.placements.map((row) => protectRow(TABLES.placements, row, t));
    // "placed" next to the wait is the same count as the placements' total: hidden alike.
    const placedMark = new Map(
      placements.map(({ row, marks }) => [groupKey(row), marks.get('total') ?? 'published']),
    );
    const result = {} as RawTables;
    for (const table of REPORT_TABLES) {
      const spec = TABLES[table];
      if (!spec.forViewers) {
        result[table] = [];
      } else if (table === 'placements') {
        result[table] = placements.map(({ row }) => row);
      } else {
        result[table] = raw[table].map((row) => {
          const forced: ReadonlyMap<string, Mark> | undefined =
            table === 'time-to-placement'
              ? new Map([['placed', placedMark.get(groupKey(row)) ?? 'published']])
              : undefined;
          return protectRow(spec, row, t, forced).row;
        });
      }
    }
    return result;
  }
}

const groupKey = (row: ReportRow) =>
  [row.municipalityCode, row.targetGroup, row.months ?? ''].map(String).join('|');

/**
 * One row per municipality in scope and target group (and months after the lease start, for
 * the follow-up), zero where nothing was counted.
 */
function fillGrid(
  spec: TableSpec,
  rows: ReportRow[],
  scope: ReportScope,
  months: readonly (number | null)[] = [null],
): ReportRow[] {
  const found = new Map(rows.map((row) => [groupKey(row), row]));
  const counts = spec.lines.flatMap((line) => [...line.parts, ...(line.total ? [line.total] : [])]);
  return scope.municipalityCodes.flatMap((municipalityCode) =>
    TARGET_GROUPS.flatMap((targetGroup) =>
      months.map((month) => {
        const key: ReportRow = { municipalityCode, targetGroup };
        if (month !== null) key.months = month;
        const row = found.get(groupKey(key));
        if (row) return row;
        for (const column of spec.columns) {
          if (!(column in key)) key[column] = counts.includes(column) ? 0 : null;
        }
        return key;
      }),
    ),
  );
}

/** The share of recorded check-ins that found the person stably housed, to three decimals. */
function withShare(row: ReportRow): ReportRow {
  const stable = Number(row.stablyHoused);
  const recorded = stable + Number(row.notStablyHoused);
  return {
    ...row,
    stablyHousedShare: recorded > 0 ? Math.round((1000 * stable) / recorded) / 1000 : null,
  };
}

function withGain(row: ReportRow): ReportRow {
  const objective = Number(row.objective);
  const greedy = Number(row.greedyObjective);
  const gain = Math.round((objective - greedy) * 10_000) / 10_000;
  return {
    ...row,
    gain,
    gainPercent: greedy > 0 ? Math.round((10_000 * gain) / greedy) / 100 : null,
  };
}

/** A row as a gemeente sees it: every line protected, statistics of a hidden count cleared. */
function protectRow(
  spec: TableSpec,
  row: ReportRow,
  threshold: number,
  forced?: ReadonlyMap<string, Mark>,
): { row: ReportRow; marks: Map<string, Mark> } {
  const marks = new Map<string, Mark>();
  const out: ReportRow = { ...row };
  for (const line of spec.lines) {
    const parts = line.parts.map((column) => Number(row[column]));
    const total = line.total === undefined ? undefined : Number(row[line.total]);
    const lineMarks = protectLine(total === undefined ? { parts } : { parts, total }, threshold);
    line.parts.forEach((column, i) => {
      marks.set(column, forced?.get(column) ?? lineMarks.parts[i] ?? 'published');
    });
    if (line.total !== undefined) marks.set(line.total, lineMarks.total ?? 'published');
  }
  for (const [column, mark] of marks) out[column] = present(Number(row[column]), mark, threshold);
  const describes = spec.describes;
  if (describes?.counts.some((count) => marks.get(count) !== 'published')) {
    for (const column of describes.columns) out[column] = null;
  }
  return { row: out, marks };
}
