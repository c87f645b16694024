export { type AuditEvent, auditCte, recordAudit } from './audit.repository';
export { auditEndpoints } from './audit.routes';
export { AuditService } from './audit.service';
export { ClientReadLog } from './client-read-log';
