import type { DataSource } from 'typeorm';

import { type Actor, requireRole } from '../../shared/auth/actor';
import type { Db } from '../../shared/database/db';
import type { Clock } from '../../shared/time/clock';
import { capBlockedClients, evaluatePair, generatePairs, type PairEvaluation } from './engine';
import { rankUnitCandidates, type UnitCandidate } from './engine/region-match';
import { MatchingError, MatchingErrorCode } from './matching.errors';
import type { CapBlockedList } from './run.schemas';
import {
  inSnapshot,
  loadEngineClient,
  loadEngineUnit,
  loadRegionSnapshot,
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

interface Located {
  regionCode: string;
  municipalityCode: string;
  status: string;
}

async function locateUnit(db: Db, unitId: string): Promise<Located | undefined> {
  const rows = await db.query<Located[]>(
    `SELECT m.region_code AS "regionCode", u.municipality_code AS "municipalityCode", u.status
       FROM units u JOIN municipalities m ON m.code = u.municipality_code WHERE u.id = $1`,
    [unitId],
  );
  return rows[0];
}

async function locateClient(db: Db, clientId: string): Promise<Located | undefined> {
  const rows = await db.query<Located[]>(
    `SELECT m.region_code AS "regionCode", c.municipality_of_belonging AS "municipalityCode", c.status
       FROM clients c JOIN municipalities m ON m.code = c.municipality_of_belonging WHERE c.id = $1`,
    [clientId],
  );
  return rows[0];
}

/**
 * Candidates and "why not" for a unit, computed from the very snapshot code a run uses (same
 * rows, same mapping, same context), so they can never disagree with what a run proposes.
 */
export class CandidateService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The waiting clients a run could propose for this unit, best first. */
  async candidates(actor: Actor, unitId: string, limit: number): Promise<CandidateList> {
    requireRole(actor, 'matcher', 'admin');
    const now = this.clock();
    return inSnapshot(this.dataSource, async (db) => {
      const located = await this.visibleUnit(db, actor, unitId);
      const snapshot = await loadRegionSnapshot(db, located.regionCode, now);
      const unit = await loadEngineUnit(db, unitId);
      if (!snapshot || !unit) throw notFound(unitId);
      return {
        unitId,
        unitStatus: located.status,
        policyVersion: snapshot.policy.version,
        items: rankUnitCandidates(snapshot, unit).slice(0, limit),
      };
    });
  }

  /**
   * The region's waiting clients who have no allowed home now but would have one if no area cap
   * were reached; for a matcher, those belonging to its municipalities. Ids and rule codes only.
   */
  async capBlocked(actor: Actor, regionCode: string): Promise<CapBlockedList> {
    requireRole(actor, 'matcher', 'admin');
    if (actor.role !== 'admin' && actor.regionCode !== regionCode) {
      throw new MatchingError(MatchingErrorCode.RegionNotFound, `No region "${regionCode}".`);
    }
    const now = this.clock();
    return inSnapshot(this.dataSource, async (db) => {
      const snapshot = await loadRegionSnapshot(db, regionCode, now);
      if (!snapshot) {
        throw new MatchingError(MatchingErrorCode.RegionNotFound, `No region "${regionCode}".`);
      }
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
        policyVersion: snapshot.policy.version,
        items: blocked.filter((entry) => visible.has(entry.clientId)),
      };
    });
  }

  /** Every hard rule for one pair, passed or failed with its sentence, and the soft scores. */
  async whyNot(actor: Actor, unitId: string, clientId: string): Promise<WhyNot> {
    requireRole(actor, 'matcher', 'admin');
    const now = this.clock();
    return inSnapshot(this.dataSource, async (db) => {
      const located = await this.visibleUnit(db, actor, unitId);
      const clientAt = await locateClient(db, clientId);
      if (!clientAt || clientAt.regionCode !== located.regionCode) {
        throw new MatchingError(MatchingErrorCode.ClientNotFound, `No client ${clientId}.`);
      }
      const snapshot = await loadRegionSnapshot(db, located.regionCode, now);
      const unit = await loadEngineUnit(db, unitId);
      const client = await loadEngineClient(db, clientId, now);
      if (!snapshot || !unit || !client) throw notFound(unitId);
      // The client's tiers as a run computes them, whether or not this pair is allowed.
      const tiers = generatePairs([client], [unit], snapshot.context);
      return {
        ...evaluatePair(client, unit, snapshot.context),
        urgent: tiers.clientUrgent[0] === 1,
        waitDays: tiers.clientWait[0] ?? 0,
        unitStatus: located.status,
        clientStatus: clientAt.status,
      };
    });
  }

  private async visibleUnit(db: Db, actor: Actor, unitId: string): Promise<Located> {
    const located = await locateUnit(db, unitId);
    const visible =
      located !== undefined &&
      (actor.role === 'admin' || actor.municipalityCodes.includes(located.municipalityCode));
    if (!visible) throw notFound(unitId);
    return located;
  }
}

function notFound(unitId: string): MatchingError {
  return new MatchingError(MatchingErrorCode.UnitNotFound, `No unit ${unitId}.`);
}
