/**
 * Region snapshots kept in the API process for candidates and "why not", so a request scores one
 * unit instead of reading the whole region. A kept snapshot is used only while it is exactly what
 * a fresh read would give:
 * - no transaction that wrote to the region is visible now but was not when it was read (the
 *   region change log, which triggers append to in the same transaction as every write that can
 *   change the snapshot; migration `1765900000000-region-change-log` gives the argument);
 * - it is at most `maxAgeMs` old, well within the hour the change log keeps its rows;
 * - it is the same day in Europe/Amsterdam (consent from a date, this year's pledges, the
 *   engine's day number), and the clock has not gone back;
 * - no placement it counted has left the cap window or the coverage window since.
 * At most `capacity` regions are kept, the least recently used leaving first.
 */
import { performance } from 'node:perf_hooks';

import { dutchDate } from '../../shared/time/clock';
import type { Db } from '../../shared/database/db';
import { type EngineClient, type EngineUnit, generatePairs } from './engine';
import { rankUnitCandidates, type UnitCandidate } from './engine/region-match';
import {
  type KeptSnapshots,
  loadRegionSnapshot,
  type RegionProbe,
  type RegionSnapshot,
} from './snapshot.loader';

/**
 * How many ranked candidates, over all its units, a kept region keeps (a few tens of MB at most);
 * the least recently asked-for unit's ranking leaves first.
 */
const RANKED_KEPT = 50_000;

/**
 * The region's allowed pairs, from one generation over all its clients and units (scores only):
 * each client's best score, and each unit's allowed clients (`clients[unitStart[u]…]`, ascending).
 */
interface AllowedPairs {
  best: Float64Array;
  unitStart: Int32Array;
  clients: Int32Array;
}

export class KeptRegion {
  private readonly unitsById: Map<string, EngineUnit>;
  private readonly rankings = new Map<string, readonly UnitCandidate[]>();
  private ranked = 0;
  private readonly clientsById: Map<string, EngineClient>;
  private readonly unitIndex: Map<string, number>;
  private allowed: AllowedPairs | undefined;
  private readonly today: string;
  private shared = 0;

  constructor(
    private readonly snapshot: RegionSnapshot,
    private readonly loadedAt: Date,
  ) {
    this.today = dutchDate(loadedAt);
    this.unitsById = new Map(snapshot.units.map((unit) => [unit.id, unit]));
    this.unitIndex = new Map(snapshot.units.map((unit, u) => [unit.id, u]));
    this.clientsById = new Map(snapshot.clients.map((client) => [client.id, client]));
  }

  get policyVersion(): number {
    return this.snapshot.policy.version;
  }

  /** The transaction snapshot it was read in (`pg_current_snapshot()`, as text). */
  get pgSnapshot(): string {
    return this.snapshot.pgSnapshot;
  }

  /**
   * True when a fresh read at `now`, with the region as `probe` saw it, would give the same, and
   * the snapshot is at most `maxAgeMs` old.
   */
  holdsFor(probe: RegionProbe, now: Date, maxAgeMs: number): boolean {
    const { load, coverage } = this.snapshot.earliestCounted;
    const age = now.getTime() - this.loadedAt.getTime();
    return (
      probe.regionCode === this.snapshot.regionCode &&
      probe.keptSnapshot === this.snapshot.pgSnapshot &&
      probe.unchanged === true &&
      age >= 0 &&
      age <= maxAgeMs &&
      dutchDate(now) === this.today &&
      stillCounted(load, probe.loadFrom) &&
      stillCounted(coverage, probe.coverageFrom)
    );
  }

  /** The snapshot as read at `now` (only `now` differs from the one read at load). */
  at(now: Date): RegionSnapshot {
    return { ...this.snapshot, context: { ...this.snapshot.context, now } };
  }

  /** Milliseconds spent on what is computed once for all requests (the allowed pairs). */
  get sharedMs(): number {
    return this.shared;
  }

  /**
   * The region's allowed pairs, generated once (a pair's allowance and score depend on its client,
   * its unit and the day, nothing else): each client's best score (`bestScoresByClient`), and
   * each unit's allowed clients. The same all day, so computed once.
   */
  private allowedPairs(): AllowedPairs {
    if (this.allowed) return this.allowed;
    const started = performance.now();
    const { clients, units, context } = this.snapshot;
    const generated = generatePairs(clients, units, context, { breakdowns: false });
    const best = new Float64Array(clients.length);
    const unitStart = new Int32Array(units.length + 1);
    for (let i = 0; i < generated.count; i++) {
      const c = generated.clientIndex[i] as number;
      const score = generated.score[i] as number;
      if (score > (best[c] as number)) best[c] = score;
      const u = generated.unitIndex[i] as number;
      unitStart[u + 1] = (unitStart[u + 1] as number) + 1;
    }
    for (let u = 0; u < units.length; u++) {
      unitStart[u + 1] = (unitStart[u + 1] as number) + (unitStart[u] as number);
    }
    // Pairs come client by client in input order, so each unit's clients come out ascending.
    const next = unitStart.slice(0, units.length);
    const allowedClients = new Int32Array(generated.count);
    for (let i = 0; i < generated.count; i++) {
      const u = generated.unitIndex[i] as number;
      allowedClients[next[u] as number] = generated.clientIndex[i] as number;
      next[u] = (next[u] as number) + 1;
    }
    this.allowed = { best, unitStart, clients: allowedClients };
    this.shared += performance.now() - started;
    return this.allowed;
  }

  /**
   * `rankUnitCandidates` for a unit of the snapshot, over its allowed clients only: the same
   * pairs, scores, tiers and order as over all clients (pairs do not depend on other clients, and
   * the clients keep their order), without generating every other client's facts again.
   */
  private rank(unit: EngineUnit, now: Date): UnitCandidate[] {
    const u = this.unitIndex.get(unit.id);
    const allowed = this.allowedPairs();
    if (u === undefined) return rankUnitCandidates(this.at(now), unit, allowed.best);
    const first = allowed.unitStart[u] as number;
    const end = allowed.unitStart[u + 1] as number;
    const clients: EngineClient[] = [];
    const best = new Float64Array(end - first);
    for (let i = first; i < end; i++) {
      const c = allowed.clients[i] as number;
      clients.push(this.snapshot.clients[c] as EngineClient);
      best[i - first] = allowed.best[c] as number;
    }
    return rankUnitCandidates({ ...this.at(now), clients }, unit, best);
  }

  /**
   * The unit's candidates, best first, as `rankUnitCandidates` gives them at `now`. The ranking
   * depends on `now` only through its day, which is the load's day while the region holds, and on
   * the unit's row, which no one changed while it holds (every write to a unit logs its region):
   * so it is computed once per unit and kept, the most recently asked for first, up to
   * `RANKED_KEPT` candidates in all. Callers must not change what it returns.
   */
  candidates(unit: EngineUnit, now: Date): readonly UnitCandidate[] {
    const kept = this.rankings.get(unit.id);
    if (kept) {
      this.rankings.delete(unit.id);
      this.rankings.set(unit.id, kept);
      return kept;
    }
    const ranked = this.rank(unit, now);
    this.rankings.set(unit.id, ranked);
    this.ranked += ranked.length;
    for (const [oldest, ranking] of this.rankings) {
      if (this.ranked <= RANKED_KEPT || oldest === unit.id) break;
      this.rankings.delete(oldest);
      this.ranked -= ranking.length;
    }
    return ranked;
  }

  /** The unit or client as the snapshot has it (open to matching), if it is there. */
  unit(id: string): EngineUnit | undefined {
    return this.unitsById.get(id);
  }

  client(id: string): EngineClient | undefined {
    return this.clientsById.get(id);
  }
}

/** A placement counted at load is still counted while its window starts no later than it. */
function stillCounted(earliest: string | null, windowStart: string | null): boolean {
  return earliest === null || (windowStart !== null && earliest >= windowStart);
}

export class RegionSnapshotCache {
  private readonly kept = new Map<string, KeptRegion>();
  /** How many times a region was read (every miss); what the kept snapshots save is the rest. */
  reads = 0;

  constructor(
    private readonly capacity: number,
    private readonly maxAgeMs: number,
  ) {
    if (!(Number.isInteger(capacity) && capacity >= 1)) {
      throw new RangeError('capacity must be a whole number ≥ 1');
    }
    if (!(maxAgeMs >= 0)) throw new RangeError('maxAgeMs must be ≥ 0');
  }

  /** The transaction snapshot of every kept region, for the probe to check the change log. */
  snapshots(): KeptSnapshots {
    const snapshots: Record<string, string> = {};
    for (const [code, region] of this.kept) snapshots[code] = region.pgSnapshot;
    return snapshots;
  }

  /** The kept snapshot of the probed region if it holds at `now`. */
  find(probe: RegionProbe, now: Date): KeptRegion | undefined {
    const region = this.kept.get(probe.regionCode);
    if (!region?.holdsFor(probe, now, this.maxAgeMs)) return undefined;
    // Most recently used last: a Map iterates in insertion order.
    this.kept.delete(probe.regionCode);
    this.kept.set(probe.regionCode, region);
    return region;
  }

  /**
   * Reads the region with `db` (in the same snapshot as the probe that missed) and keeps it.
   * Undefined for a region without a policy.
   */
  async load(db: Db, regionCode: string, now: Date): Promise<KeptRegion | undefined> {
    this.reads++;
    const snapshot = await loadRegionSnapshot(db, regionCode, now);
    if (!snapshot) return undefined;
    const region = new KeptRegion(snapshot, now);
    this.kept.delete(regionCode);
    this.kept.set(regionCode, region);
    for (const oldest of this.kept.keys()) {
      if (this.kept.size <= this.capacity) break;
      this.kept.delete(oldest);
    }
    return region;
  }

  get size(): number {
    return this.kept.size;
  }
}
