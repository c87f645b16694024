export {
  DOMAIN_EVENT_TYPES,
  type DomainEvent,
  type DomainEventType,
  emitEvents,
} from './domain-events';
