export { DEFAULT_POLICY, defaultPolicyInput, type Policy } from './policy.schemas';
export { findPolicy } from './policy.repository';
export { PolicyService } from './policy.service';
export * from './reference.repository';
export { referenceEndpoints } from './reference.routes';
export { ReferenceService } from './reference.service';
