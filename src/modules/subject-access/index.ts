export { subjectAccessEndpoints } from './subject-access.routes';
export { SubjectAccessService } from './subject-access.service';
