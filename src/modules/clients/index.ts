export { clientEndpoints } from './client.routes';
export type { Client } from './client.schemas';
export { ClientService } from './client.service';
