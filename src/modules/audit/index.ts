export { type AuditEvent, recordAudit } from './audit.repository';
export { auditEndpoints } from './audit.routes';
export { AuditService } from './audit.service';
