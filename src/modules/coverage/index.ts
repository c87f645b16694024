export { coverageEndpoints } from './coverage.routes';
export { CoverageService } from './coverage.service';
