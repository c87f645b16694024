import type { DataSource } from 'typeorm';

import { type Actor, requireRole } from '../../shared/auth/actor';
import { rootDb } from '../../shared/database/db';
import type { Clock } from '../../shared/time/clock';
import { recordAudit } from '../audit';
import type { ClientService } from '../clients';
import { auditOf, placementsOf, proposalsOf } from './subject-access.repository';
import type { ClientExport } from './subject-access.schemas';

/**
 * The data-subject export (AVG art. 15): everything matchpunt stores about one client, for the
 * provider that registered it to hand to the person. Another provider's client is a 404, as for
 * every read; an anonymised client is no longer anyone's and a 404 too.
 */
export class SubjectAccessService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clients: ClientService,
    private readonly clock: Clock,
  ) {}

  async exportClient(actor: Actor, clientId: string): Promise<ClientExport> {
    requireRole(actor, 'provider');
    const client = await this.clients.get(actor, clientId);
    const db = rootDb(this.dataSource);
    const [proposals, placements, audit] = await Promise.all([
      proposalsOf(db, clientId),
      placementsOf(db, clientId),
      auditOf(db, clientId),
    ]);
    // The export is itself a disclosure: it goes into the trail (and into the next export).
    await recordAudit(db, actor, [
      { action: 'client.exported', entityType: 'client', entityId: clientId },
    ]);
    return {
      exportedAt: this.clock().toISOString(),
      client,
      proposals,
      placements,
      accessLog: audit.filter((row) => row.action === 'client.read'),
      history: audit.filter((row) => row.action !== 'client.read'),
    };
  }
}
