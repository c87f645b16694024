export {
  type AuditEvent,
  auditCte,
  clientReadsCte,
  recordAudit,
  recordClientReads,
} from './audit.repository';
export { auditEndpoints } from './audit.routes';
export { AuditService } from './audit.service';
