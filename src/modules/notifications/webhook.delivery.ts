import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

import type { DataSource } from 'typeorm';

import { rootDb } from '../../shared/database/db';
import type { Logger } from '../../shared/logger/logger';
import type { JobContext } from '../../shared/queue/job-definition';
import type { Clock } from '../../shared/time/clock';
import { guardedLookup, type WebhookUrlPolicy, webhookUrlProblem } from './webhook-address';
import * as repository from './webhook.repository';
import { SIGNATURE_HEADER, signatureHeader, type WebhookSecretBox } from './webhook-secret';

export interface WebhookDelivererOptions {
  dataSource: DataSource;
  secrets: WebhookSecretBox;
  urlPolicy: WebhookUrlPolicy;
  timeoutMs: number;
  clock: Clock;
  logger: Logger;
}

/** What a receiver gets: ids, codes and dates only, never a client's profile. */
export function deliveryBody(delivery: repository.PendingDelivery): string {
  return JSON.stringify({
    id: delivery.eventId,
    type: delivery.eventType,
    occurredAt: delivery.occurredAt,
    data: {
      ...delivery.data,
      subjectType: delivery.subjectType,
      subjectId: delivery.subjectId,
      regionCode: delivery.regionCode,
    },
  });
}

/** Thrown to make BullMQ try again later; the delivery row already says why. */
export class DeliveryAttemptFailed extends Error {}

/**
 * Sends one delivery: signs the body, POSTs it with a timeout, records the attempt. A 2xx is
 * delivered; anything else is retried (by BullMQ, with exponential backoff) until the last
 * attempt, which marks it failed. A delivery already final, a webhook deactivated or deleted,
 * sends nothing.
 */
export class WebhookDeliverer {
  private readonly lookup;

  constructor(private readonly options: WebhookDelivererOptions) {
    this.lookup = guardedLookup(options.urlPolicy);
  }

  async deliver(deliveryId: string, context: JobContext): Promise<{ outcome: string }> {
    const db = rootDb(this.options.dataSource);
    const delivery = await repository.findDelivery(db, deliveryId);
    if (!delivery) return { outcome: 'gone' };
    if (delivery.status !== 'pending' && delivery.status !== 'retrying') {
      return { outcome: delivery.status };
    }
    if (!delivery.active) {
      await repository.cancelDelivery(db, deliveryId, 'the webhook was deactivated');
      return { outcome: 'cancelled' };
    }
    const refused = webhookUrlProblem(delivery.url, this.options.urlPolicy);
    if (refused) {
      // The configuration changed since registration: no attempt can succeed.
      await repository.recordAttempt(db, deliveryId, {
        kind: 'failed',
        statusCode: null,
        error: `url ${refused}`,
      });
      return { outcome: 'failed' };
    }

    const body = deliveryBody(delivery);
    const timestamp = Math.floor(this.options.clock().getTime() / 1000);
    const secret = this.openSecret(delivery);
    if (secret === undefined) {
      // WEBHOOK_SECRET_KEY changed since the secret was stored: only a rotation helps.
      await repository.recordAttempt(db, deliveryId, {
        kind: 'failed',
        statusCode: null,
        error: 'the stored secret cannot be read with this WEBHOOK_SECRET_KEY; rotate the secret',
      });
      return { outcome: 'failed' };
    }
    const result = await this.post(delivery.url, body, {
      'Content-Type': 'application/json',
      'User-Agent': 'matchpunt-webhooks/1',
      'Matchpunt-Event-Id': delivery.eventId,
      'Matchpunt-Event-Type': delivery.eventType,
      'Matchpunt-Timestamp': String(timestamp),
      'Matchpunt-Delivery-Attempt': String(context.attempt),
      [SIGNATURE_HEADER]: signatureHeader(secret, timestamp, body),
    });
    const log = this.options.logger.child({
      webhookId: delivery.webhookId,
      deliveryId,
      eventType: delivery.eventType,
      attempt: context.attempt,
    });
    if (result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300) {
      await repository.recordAttempt(db, deliveryId, {
        kind: 'delivered',
        statusCode: result.statusCode,
      });
      log.info({ statusCode: result.statusCode }, 'webhook delivered');
      return { outcome: 'delivered' };
    }
    const last = context.attempt >= context.maxAttempts;
    const error = result.error ?? `HTTP ${result.statusCode ?? '-'}`;
    await repository.recordAttempt(db, deliveryId, {
      kind: last ? 'failed' : 'retrying',
      statusCode: result.statusCode,
      error,
    });
    log.warn({ statusCode: result.statusCode, error, last }, 'webhook delivery attempt failed');
    throw new DeliveryAttemptFailed(`webhook delivery ${deliveryId}: ${error}`);
  }

  private openSecret(delivery: repository.PendingDelivery): string | undefined {
    try {
      return this.options.secrets.open(delivery.secretCiphertext, delivery.webhookId);
    } catch {
      return undefined;
    }
  }

  /** One POST; never throws: a network error or timeout comes back as `error`. */
  private post(
    url: string,
    body: string,
    headers: Record<string, string>,
  ): Promise<{ statusCode: number | null; error?: string }> {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const { timeoutMs } = this.options;
    return new Promise((resolve) => {
      let settled = false;
      const finish = (result: { statusCode: number | null; error?: string }) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(result);
      };
      const req = send(
        target,
        {
          method: 'POST',
          headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
          lookup: this.lookup,
          // One fresh connection per attempt: no pooled socket outlives a configuration change.
          agent: false,
        },
        (res) => {
          // The answer's body is neither stored nor logged: read and drop it.
          res.resume();
          res.on('end', () => {
            finish({ statusCode: res.statusCode ?? null });
          });
          res.on('error', (error) => {
            finish({ statusCode: res.statusCode ?? null, error: error.message });
          });
        },
      );
      // Connecting, sending and the answer all count against one deadline.
      const timer = setTimeout(() => {
        req.destroy();
        finish({ statusCode: null, error: `no answer within ${timeoutMs} ms` });
      }, timeoutMs);
      req.on('error', (error) => {
        finish({ statusCode: null, error: error.message });
      });
      req.end(body);
    });
  }
}
