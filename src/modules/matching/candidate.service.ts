import { performance } from 'node:perf_hooks';

import type { DataSource } from 'typeorm';

import { type Actor, requireRole } from '../../shared/auth/actor';
import type { Db } from '../../shared/database/db';
import type { Clock } from '../../shared/time/clock';
import { capBlockedClients, evaluatePair, generatePairs, type PairEvaluation } from './engine';
import type { UnitCandidate } from './engine/region-match';
import { MatchingError, MatchingErrorCode } from './matching.errors';
import type { CapBlockedList } from './run.schemas';
import { SharedRegionReads } from './region-reads';
import { type KeptRegion, RegionSnapshotCache } from './snapshot.cache';
import {
  probeRegion,
  probeUnit,
  SNAPSHOT_CLIENT_STATUS,
  SNAPSHOT_UNIT_STATUS,
  type KeptSnapshots,
  type RegionProbe,
  type UnitProbe,
} from './snapshot.loader';

export interface CandidateList {
  unitId: string;
  unitStatus: string;
  policyVersion: number;
  items: UnitCandidate[];
}

export interface WhyNot extends PairEvaluation {
  unitStatus: string;
  clientStatus: string;
  /** The client's tiers in a run: urgent, and whole days waited. */
  urgent: boolean;
  waitDays: number;
}

/**
 * Candidates and "why not" for a unit, computed from the very snapshot code a run uses (same
 * rows, same mapping, same context), so they can never disagree with what a run proposes. The
 * region's snapshot is kept between requests while it holds (`RegionSnapshotCache`): a request
 * checks the region change log in the statement that reads what it asks about, and a change is
 * seen by the next request.
 */
export class CandidateService {
  private readonly cache: RegionSnapshotCache;
  private readonly reads: SharedRegionReads;
  /** How many requests probed again in a shared read (the others took theirs from its region). */
  private readProbes = 0;
  /** The regions each shared read (by its transaction's `db`) loaded or found holding. */
  private readonly readRegions = new WeakMap<Db, Map<string, KeptRegion>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    cache: { regions: number; maxAgeMs: number },
  ) {
    this.cache = new RegionSnapshotCache(cache.regions, cache.maxAgeMs);
    this.reads = new SharedRegionReads(dataSource, clock);
  }

  /** How many times this service read a region in full (its kept snapshots did not hold). */
  get regionReads(): number {
    return this.cache.reads;
  }

  /** How many requests probed again in a shared read. */
  get probesInReads(): number {
    return this.readProbes;
  }

  /** The waiting clients a run could propose for this unit, best first. */
  async candidates(actor: Actor, unitId: string, limit: number): Promise<CandidateList> {
    requireRole(actor, 'matcher', 'admin');
    return this.withRegion(
      async (db, kept, now) => visibleUnit(actor, unitId, await probeUnit(db, unitId, now, kept)),
      (subject: UnitSubject, region, now) => ({
        unitId,
        unitStatus: subject.status,
        policyVersion: region.policyVersion,
        items: region.candidates(subject.unit, now).slice(0, limit),
      }),
      () => notFound(unitId),
      (region) => inRegion(actor, region, unitId),
    );
  }

  /**
   * The region's waiting clients who have no allowed home now but would have one if no area cap
   * were reached; for a matcher, those belonging to its municipalities. Ids and rule codes only.
   */
  async capBlocked(actor: Actor, regionCode: string): Promise<CapBlockedList> {
    requireRole(actor, 'matcher', 'admin');
    const regionNotFound = () =>
      new MatchingError(MatchingErrorCode.RegionNotFound, `No region "${regionCode}".`);
    if (actor.role !== 'admin' && actor.regionCode !== regionCode) throw regionNotFound();
    return this.withRegion(
      async (db, kept, now) => {
        const probe = await probeRegion(db, regionCode, now, kept);
        if (!probe) throw regionNotFound();
        return probe;
      },
      (_probe, region, now) => {
        const snapshot = region.at(now);
        const visible = new Set(
          snapshot.clients
            .filter(
              (client) =>
                actor.role === 'admin' ||
                actor.municipalityCodes.includes(client.municipalityOfBelonging),
            )
            .map((client) => client.id),
        );
        const blocked = capBlockedClients(snapshot.clients, snapshot.units, snapshot.context);
        return {
          regionCode,
          policyVersion: region.policyVersion,
          items: blocked.filter((entry) => visible.has(entry.clientId)),
        };
      },
      regionNotFound,
    );
  }

  /** Every hard rule for one pair, passed or failed with its sentence, and the soft scores. */
  async whyNot(actor: Actor, unitId: string, clientId: string): Promise<WhyNot> {
    requireRole(actor, 'matcher', 'admin');
    return this.withRegion(
      async (db, kept, now) => {
        const probe = visibleUnit(actor, unitId, await probeUnit(db, unitId, now, kept, clientId));
        if (!probe.client || probe.client.regionCode !== probe.regionCode) {
          throw new MatchingError(MatchingErrorCode.ClientNotFound, `No client ${clientId}.`);
        }
        return { ...probe, client: probe.client };
      },
      (subject: UnitSubject & { client: NonNullable<UnitSubject['client']> }, region, now) => {
        const { context } = region.at(now);
        const client = subject.client.engine;
        // The client's tiers as a run computes them, whether or not this pair is allowed.
        const tiers = generatePairs([client], [subject.unit], context);
        return {
          ...evaluatePair(client, subject.unit, context),
          urgent: tiers.clientUrgent[0] === 1,
          waitDays: tiers.clientWait[0] ?? 0,
          unitStatus: subject.status,
          clientStatus: subject.client.status,
        };
      },
      () => notFound(unitId),
      (region) => {
        const subject = inRegion(actor, region, unitId);
        const client = region.client(clientId);
        return subject && client
          ? {
              ...subject,
              client: {
                engine: client,
                status: SNAPSHOT_CLIENT_STATUS,
                regionCode: region.code,
              },
            }
          : undefined;
      },
    );
  }

  /**
   * Runs `use` on the region `probe` finds, kept or read. A miss joins the region's next shared
   * read (`SharedRegionReads`), in whose snapshot the request probes again: so what it asks about
   * and the region are of one moment, later than the request's arrival. A request served by a read
   * that already has its region (loaded in the read's snapshot, or found holding in it) takes what
   * it asks about from the region when it is there (`inRegion`: a unit, and client, open to
   * matching, whose rows the region holds as a probe in that snapshot would read them), and saves
   * the probe's round trip; otherwise it probes.
   */
  private async withRegion<P extends RegionProbe & S, S, T>(
    probe: (db: Db, kept: KeptSnapshots, now: Date) => Promise<P>,
    use: (subject: S, region: KeptRegion, now: Date) => T,
    missing: () => Error,
    inRegion?: (region: KeptRegion) => S | undefined,
  ): Promise<T> {
    const now = this.clock();
    const first = await probe(this.dataSource.manager, this.cache.snapshots(), now);
    const kept = this.cache.find(first, now);
    if (kept) return use(first, kept, now);
    return this.reads.join(first.regionCode, async (db, readAt, charge) => {
      let regions = this.readRegions.get(db);
      if (!regions) {
        regions = new Map();
        this.readRegions.set(db, regions);
      }
      // What the region computes once for all its requests (scoring its pairs) is shared too.
      const serve = (subject: S, region: KeptRegion) => {
        const shared = region.sharedMs;
        try {
          return use(subject, region, readAt);
        } finally {
          charge(region.sharedMs - shared);
        }
      };
      const ready = regions.get(first.regionCode);
      const known = ready && inRegion?.(ready);
      if (ready && known !== undefined) return serve(known, ready);
      // Earlier requests of this read may have loaded the region in this very snapshot already.
      this.readProbes++;
      const current = await probe(db, this.cache.snapshots(), readAt);
      let region = regions.get(current.regionCode) ?? this.cache.find(current, readAt);
      if (!region) {
        const started = performance.now();
        region = await this.cache.load(db, current.regionCode, readAt);
        charge(performance.now() - started);
      }
      if (!region) throw missing();
      regions.set(current.regionCode, region);
      return serve(current, region);
    });
  }
}

/** What a unit's candidates and "why not" need of the unit (and client) asked about. */
type UnitSubject = Pick<UnitProbe, 'regionCode' | 'unit' | 'status' | 'client'>;

/**
 * The unit as `region` holds it (open to matching), if it does and `actor` may see it; another's
 * unit is "not found", as from a probe.
 */
function inRegion(actor: Actor, region: KeptRegion, unitId: string): UnitSubject | undefined {
  const unit = region.unit(unitId);
  if (!unit) return undefined;
  const subject = { regionCode: region.code, unit, status: SNAPSHOT_UNIT_STATUS, client: null };
  visibleUnit(actor, unitId, subject);
  return subject;
}

function visibleUnit<U extends UnitSubject>(actor: Actor, unitId: string, probe: U | undefined): U {
  const visible =
    probe !== undefined &&
    (actor.role === 'admin' || actor.municipalityCodes.includes(probe.unit.municipalityCode));
  if (!visible) throw notFound(unitId);
  return probe;
}

function notFound(unitId: string): MatchingError {
  return new MatchingError(MatchingErrorCode.UnitNotFound, `No unit ${unitId}.`);
}
