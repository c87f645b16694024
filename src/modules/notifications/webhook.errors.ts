import { type ErrorKind, moduleErrorClass } from '../../shared/errors/app-error';

export enum WebhookErrorCode {
  NotFound = 'webhook_not_found',
  LimitReached = 'webhook_limit_reached',
}

const KIND: Record<WebhookErrorCode, ErrorKind> = {
  [WebhookErrorCode.NotFound]: 'not_found',
  [WebhookErrorCode.LimitReached]: 'conflict',
};

export class WebhookError extends moduleErrorClass(KIND) {}
