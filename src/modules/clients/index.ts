export { clientEndpoints } from './client.routes';
export { type Client, clientSchema } from './client.schemas';
export { ClientService } from './client.service';
export { anonymiseClosedClientsJob, CLIENT_JOBS } from './client.jobs';
