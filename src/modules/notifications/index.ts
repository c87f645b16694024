export {
  DOMAIN_EVENT_TYPES,
  type DomainEvent,
  type DomainEventType,
  emitEvents,
  NOTIFICATION_TOPICS,
  pruneEvents,
} from './domain-events';
export {
  deliverWebhookJob,
  NOTIFICATION_JOBS,
  notificationsPruneJob,
  webhookDeliveryJobOptions,
} from './notification.jobs';
export { type WebhookUrlPolicy, webhookUrlPolicy } from './webhook-address';
export { WebhookDeliverer } from './webhook.delivery';
export { webhookEndpoints } from './webhook.routes';
export { WebhookService } from './webhook.service';
export { SIGNATURE_HEADER, signatureHeader, WebhookSecretBox } from './webhook-secret';
