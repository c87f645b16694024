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
 *
 * When a kept snapshot no longer holds, it is brought up to date rather than read again
 * (`loadRegionDelta`): the change log names the units and clients written since, which are read
 * again, and the context's small parts (proposals, load, coverage, pledges, policy) are read whole;
 * the result equals a full read in the same transaction. Its allowed pairs, when the context is
 * unchanged, are the earlier pairs between unchanged units and clients plus the changed ones'
 * generated anew. A full read is left for what the log cannot follow (a change of municipalities
 * or neighbourhoods, a large import, pruned rows), another day, or a snapshot older than
 * `maxAgeMs`.
 */
import { performance } from 'node:perf_hooks';

import { dutchDate } from '../../shared/time/clock';
import type { Db } from '../../shared/database/db';
import { type EngineClient, type EngineUnit, generatePairs } from './engine';
import { rankUnitCandidates, type UnitCandidate } from './engine/region-match';
import {
  type KeptSnapshots,
  loadRegionDelta,
  loadRegionSnapshot,
  type RegionDelta,
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
 * each client's best score, and each unit's allowed clients (`clients[unitStart[u]…]`, ascending)
 * with the pair's score (`scores`, alongside).
 */
interface AllowedPairs {
  best: Float64Array;
  unitStart: Int32Array;
  clients: Int32Array;
  scores: Float64Array;
}

/**
 * An earlier snapshot's allowed pairs, and which units and clients changed since, for a region
 * whose context is the same (`contextKey`) on the same day: its pairs are those pairs between
 * units and clients that did not change, and the pairs of those that did, generated anew.
 */
interface PairsBasis {
  allowed: AllowedPairs;
  units: readonly EngineUnit[];
  clients: readonly EngineClient[];
  changedUnits: ReadonlySet<string>;
  changedClients: ReadonlySet<string>;
}

export class KeptRegion {
  private readonly unitsById: Map<string, EngineUnit>;
  private readonly rankings = new Map<string, readonly UnitCandidate[]>();
  private ranked = 0;
  private readonly clientsById: Map<string, EngineClient>;
  private readonly unitIndex: Map<string, number>;
  private allowed: AllowedPairs | undefined;
  private basis: PairsBasis | undefined;
  private generatedAnew = 0;
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

  get code(): string {
    return this.snapshot.regionCode;
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
    return (
      probe.regionCode === this.snapshot.regionCode &&
      probe.keptSnapshot === this.snapshot.pgSnapshot &&
      probe.unchanged === true &&
      this.updatableAt(now, maxAgeMs) &&
      stillCounted(load, probe.loadFrom) &&
      stillCounted(coverage, probe.coverageFrom)
    );
  }

  /** The snapshot as read (`loadRegionDelta` starts from it). */
  get read(): RegionSnapshot {
    return this.snapshot;
  }

  /**
   * True at `now` on the same day in Europe/Amsterdam (what a client's consent and the day number
   * depend on), with the clock not gone back, and at most `maxAgeMs` old (the change log keeps its
   * rows far longer): what `holdsFor` asks of time, and all `loadRegionDelta` needs to start from
   * this snapshot.
   */
  updatableAt(now: Date, maxAgeMs: number): boolean {
    const age = now.getTime() - this.loadedAt.getTime();
    return age >= 0 && age <= maxAgeMs && dutchDate(now) === this.today;
  }

  /**
   * The region after `delta` (read from this one's snapshot, on the same day): when the context
   * is the same, its allowed pairs come from this one's, with only the changed units' and
   * clients' pairs generated anew (a pair depends on its client, its unit, the context and the
   * day only). The rankings start empty.
   */
  updated(delta: RegionDelta, now: Date): KeptRegion {
    const next = new KeptRegion(delta.snapshot, now);
    if (next.today !== this.today || delta.snapshot.contextKey !== this.snapshot.contextKey) {
      return next;
    }
    if (this.allowed) {
      next.basis = {
        allowed: this.allowed,
        units: this.snapshot.units,
        clients: this.snapshot.clients,
        changedUnits: delta.changedUnits,
        changedClients: delta.changedClients,
      };
    } else if (this.basis) {
      // Not generated since its own basis: the next starts from that one, with both changes.
      next.basis = {
        ...this.basis,
        changedUnits: new Set([...this.basis.changedUnits, ...delta.changedUnits]),
        changedClients: new Set([...this.basis.changedClients, ...delta.changedClients]),
      };
    }
    return next;
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
    const { clients, units } = this.snapshot;
    const pairs = this.basis ? this.pairsFrom(this.basis) : this.generated(clients, units);
    this.basis = undefined;
    this.allowed = allowedOf(pairs, clients.length, units.length);
    this.shared += performance.now() - started;
    return this.allowed;
  }

  /** How many of its allowed pairs it generated itself (not carried over from an earlier one). */
  get pairsGenerated(): number {
    return this.generatedAnew;
  }

  /** Every allowed pair among `clients` × `units` (of this snapshot), with its score. */
  private generated(clients: readonly EngineClient[], units: readonly EngineUnit[]): Pairs {
    const pairs: Pairs = { clients: [], units: [], scores: [] };
    if (clients.length === 0 || units.length === 0) return pairs;
    const generated = generatePairs(clients, units, this.snapshot.context, { breakdowns: false });
    this.generatedAnew += generated.count;
    for (let i = 0; i < generated.count; i++) {
      pairs.clients.push(generated.clientIndex[i] as number);
      pairs.units.push(generated.unitIndex[i] as number);
      pairs.scores.push(generated.score[i] as number);
    }
    return pairs;
  }

  /**
   * This snapshot's allowed pairs from `basis`: the basis's pairs between units and clients that
   * did not change (they are in this snapshot, with the same rows), the changed clients' pairs
   * with every unit, and the other clients' pairs with the changed units.
   */
  private pairsFrom(basis: PairsBasis): Pairs {
    const { clients, units } = this.snapshot;
    const clientIndex = new Map(clients.map((client, c) => [client.id, c]));
    const toNew = (
      old: readonly { id: string }[],
      changed: ReadonlySet<string>,
      index: ReadonlyMap<string, number>,
    ) =>
      Int32Array.from(old, (entry) => (changed.has(entry.id) ? -1 : (index.get(entry.id) ?? -1)));
    const unitOf = toNew(basis.units, basis.changedUnits, this.unitIndex);
    const clientOf = toNew(basis.clients, basis.changedClients, clientIndex);
    const changedClients = indicesOf(clients, (client) => basis.changedClients.has(client.id));
    const otherClients = indicesOf(clients, (client) => !basis.changedClients.has(client.id));
    const changedUnits = indicesOf(units, (unit) => basis.changedUnits.has(unit.id));
    // Every unit and client that did not change is in both, or the basis does not fit: then all
    // pairs are generated (a guard; the update never gives such a basis).
    const kept = (map: Int32Array) => map.reduce((n, index) => (index >= 0 ? n + 1 : n), 0);
    if (
      kept(unitOf) !== units.length - changedUnits.length ||
      kept(clientOf) !== otherClients.length
    ) {
      return this.generated(clients, units);
    }
    const pairs: Pairs = { clients: [], units: [], scores: [] };
    const { allowed } = basis;
    for (let oldU = 0; oldU < basis.units.length; oldU++) {
      const u = unitOf[oldU] as number;
      if (u < 0) continue;
      for (
        let i = allowed.unitStart[oldU] as number;
        i < (allowed.unitStart[oldU + 1] as number);
        i++
      ) {
        const c = clientOf[allowed.clients[i] as number] as number;
        if (c < 0) continue;
        pairs.clients.push(c);
        pairs.units.push(u);
        pairs.scores.push(allowed.scores[i] as number);
      }
    }
    // The pairs of `clientIndices` × `unitIndices` (indices into this snapshot), generated.
    const add = (clientIndices: number[], unitIndices: number[]) => {
      const generated = this.generated(
        clientIndices.map((c) => clients[c] as EngineClient),
        unitIndices.map((u) => units[u] as EngineUnit),
      );
      for (let i = 0; i < generated.clients.length; i++) {
        pairs.clients.push(clientIndices[generated.clients[i] as number] as number);
        pairs.units.push(unitIndices[generated.units[i] as number] as number);
        pairs.scores.push(generated.scores[i] as number);
      }
    };
    const allUnits = indicesOf(units, () => true);
    add(changedClients, allUnits);
    add(otherClients, changedUnits);
    return pairs;
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

/** Pairs as parallel lists of client index, unit index and score, in any order. */
interface Pairs {
  clients: number[];
  units: number[];
  scores: number[];
}

function indicesOf<T>(list: readonly T[], keep: (entry: T) => boolean): number[] {
  const indices: number[] = [];
  for (let i = 0; i < list.length; i++) if (keep(list[i] as T)) indices.push(i);
  return indices;
}

/**
 * The pairs by unit, each unit's clients ascending (counted by client first, then by unit, each
 * count keeping the order it was given), and each client's best score (0 with no pair).
 */
function allowedOf(pairs: Pairs, clientCount: number, unitCount: number): AllowedPairs {
  const count = pairs.clients.length;
  const best = new Float64Array(clientCount);
  const byClient = countingOrder(
    pairs.clients,
    clientCount,
    Int32Array.from({ length: count }, (_, i) => i),
  ).sorted;
  const { sorted: byUnit, starts: unitStart } = countingOrder(pairs.units, unitCount, byClient);
  const clients = new Int32Array(count);
  const scores = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const i = byUnit[k] as number;
    const c = pairs.clients[i] as number;
    const score = pairs.scores[i] as number;
    clients[k] = c;
    scores[k] = score;
    if (score > (best[c] as number)) best[c] = score;
  }
  return { best, unitStart, clients, scores };
}

/**
 * `order` (indices into `keys`) stably sorted by key, keys being 0 … `size` - 1, and where each
 * key's entries start in it (`starts[size]` is their count).
 */
function countingOrder(
  keys: readonly number[],
  size: number,
  order: Int32Array,
): { sorted: Int32Array; starts: Int32Array } {
  const starts = new Int32Array(size + 1);
  for (const key of keys) starts[key + 1] = (starts[key + 1] as number) + 1;
  for (let k = 0; k < size; k++) starts[k + 1] = (starts[k + 1] as number) + (starts[k] as number);
  const next = starts.slice(0, size);
  const sorted = new Int32Array(order.length);
  for (const i of order) {
    const key = keys[i] as number;
    sorted[next[key] as number] = i;
    next[key] = (next[key] as number) + 1;
  }
  return { sorted, starts };
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
    const previous = this.kept.get(regionCode);
    let region: KeptRegion | undefined;
    if (previous?.updatableAt(now, this.maxAgeMs)) {
      const delta = await loadRegionDelta(db, previous.read, now);
      if (delta) region = previous.updated(delta, now);
    }
    if (!region) {
      const snapshot = await loadRegionSnapshot(db, regionCode, now);
      if (!snapshot) return undefined;
      region = new KeptRegion(snapshot, now);
    }
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
