export { type AuditEvent, recordAudit } from './audit.repository';
