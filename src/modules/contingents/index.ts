export { contingentEndpoints } from './contingent.routes';
export { ContingentService } from './contingent.service';
