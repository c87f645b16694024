import { randomUUID } from 'node:crypto';

import type { DataSource } from 'typeorm';

import { type Actor, requireRole, type Role } from '../../shared/auth/actor';
import { inTransaction, rootDb } from '../../shared/database/db';
import { BadRequestError } from '../../shared/errors/app-error';
import { type Page, type PageRequest, toPage, UUID_ID } from '../../shared/http/pagination';
import { recordAudit } from '../audit';
import { WebhookError, WebhookErrorCode } from './webhook.errors';
import * as repository from './webhook.repository';
import type {
  CreateWebhookInput,
  PatchWebhookInput,
  Webhook,
  WebhookDelivery,
  WebhookWithSecret,
} from './webhook.schemas';
import { generateWebhookSecret, type WebhookSecretBox } from './webhook-secret';

/**
 * The roles that manage webhooks: each for its own organisation only. Not the admin: the
 * platform organisation is told of no events, and an admin who could point another
 * organisation's webhook elsewhere could read that organisation's notifications.
 */
export const WEBHOOK_ROLES: readonly Role[] = ['matcher', 'corporation', 'provider', 'viewer'];

/** Enough for one endpoint per purpose; a bound on the fan-out of every event. */
export const MAX_WEBHOOKS_PER_ORGANISATION = 10;

/** An organisation's webhooks: register, read, change, delete, rotate the secret, read the log. */
export class WebhookService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly secrets: WebhookSecretBox,
  ) {}

  async create(actor: Actor, input: CreateWebhookInput): Promise<WebhookWithSecret> {
    requireRole(actor, ...WEBHOOK_ROLES);
    const id = randomUUID();
    const secret = generateWebhookSecret();
    const webhook = await inTransaction(this.dataSource, async (tx) => {
      const existing = await repository.countWebhooksLocked(tx, actor.organisationId);
      if (existing >= MAX_WEBHOOKS_PER_ORGANISATION) {
        throw new WebhookError(
          WebhookErrorCode.LimitReached,
          `An organisation has at most ${MAX_WEBHOOKS_PER_ORGANISATION} webhooks; delete one first.`,
        );
      }
      const created = await repository.insertWebhook(tx, {
        id,
        organisationId: actor.organisationId,
        url: input.url,
        eventTypes: [...input.eventTypes].sort(),
        active: input.active ?? true,
        secretCiphertext: this.secrets.seal(secret, id),
      });
      await recordAudit(tx, actor, [
        {
          action: 'webhook.created',
          entityType: 'webhook',
          entityId: id,
          details: { host: new URL(input.url).host, eventTypes: created.eventTypes },
        },
      ]);
      return created;
    });
    return { ...webhook, secret };
  }

  async list(actor: Actor): Promise<Webhook[]> {
    requireRole(actor, ...WEBHOOK_ROLES);
    return repository.listWebhooks(rootDb(this.dataSource), actor.organisationId);
  }

  async get(actor: Actor, id: string): Promise<Webhook> {
    requireRole(actor, ...WEBHOOK_ROLES);
    return found(
      await repository.findWebhook(rootDb(this.dataSource), actor.organisationId, id),
      id,
    );
  }

  async update(actor: Actor, id: string, patch: PatchWebhookInput): Promise<Webhook> {
    requireRole(actor, ...WEBHOOK_ROLES);
    return inTransaction(this.dataSource, async (tx) => {
      const updated = found(
        await repository.updateWebhook(tx, actor.organisationId, id, {
          url: patch.url,
          eventTypes: patch.eventTypes && [...patch.eventTypes].sort(),
          active: patch.active,
        }),
        id,
      );
      await recordAudit(tx, actor, [
        {
          action: 'webhook.updated',
          entityType: 'webhook',
          entityId: id,
          details: {
            fields: Object.keys(patch).sort(),
            ...(patch.url !== undefined ? { host: new URL(patch.url).host } : {}),
            ...(patch.eventTypes !== undefined ? { eventTypes: updated.eventTypes } : {}),
            ...(patch.active !== undefined ? { active: patch.active } : {}),
          },
        },
      ]);
      return updated;
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    requireRole(actor, ...WEBHOOK_ROLES);
    await inTransaction(this.dataSource, async (tx) => {
      if (!(await repository.deleteWebhook(tx, actor.organisationId, id))) notFound(id);
      await recordAudit(tx, actor, [
        { action: 'webhook.deleted', entityType: 'webhook', entityId: id },
      ]);
    });
  }

  /** A new secret, effective for every delivery attempt from now on (retries included). */
  async rotateSecret(actor: Actor, id: string): Promise<WebhookWithSecret> {
    requireRole(actor, ...WEBHOOK_ROLES);
    const secret = generateWebhookSecret();
    const webhook = await inTransaction(this.dataSource, async (tx) => {
      const rotated = found(
        await repository.replaceSecret(tx, actor.organisationId, id, this.secrets.seal(secret, id)),
        id,
      );
      await recordAudit(tx, actor, [
        { action: 'webhook.secret_rotated', entityType: 'webhook', entityId: id },
      ]);
      return rotated;
    });
    return { ...webhook, secret };
  }

  async deliveries(
    actor: Actor,
    id: string,
    filter: { status?: string | undefined },
    page: PageRequest,
  ): Promise<Page<WebhookDelivery>> {
    const webhook = await this.get(actor, id);
    if (page.after && !UUID_ID.test(page.after.id)) {
      // A cursor of another list (the audit trail's ids are numbers): not one this list handed out.
      throw new BadRequestError('The cursor is not one this list handed out.', [
        { path: 'cursor', message: 'not a cursor of this delivery log' },
      ]);
    }
    const rows = await repository.listDeliveries(rootDb(this.dataSource), webhook.id, filter, page);
    return toPage(rows, page.limit);
  }
}

function notFound(id: string): never {
  throw new WebhookError(WebhookErrorCode.NotFound, `No webhook "${id}".`);
}

function found<T>(value: T | undefined, id: string): T {
  return value ?? notFound(id);
}
