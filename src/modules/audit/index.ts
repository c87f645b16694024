export { type AuditEvent, auditCte, recordAudit } from './audit.repository';
export { auditEndpoints } from './audit.routes';
export { AuditService } from './audit.service';
export { ClientReadLog, type ReadLogConnection } from './client-read-log';
