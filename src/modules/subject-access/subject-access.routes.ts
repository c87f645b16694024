import { apiEndpoint, type Endpoint } from '../../shared/http/endpoint';
import { clientExportParamsSchema, clientExportSchema } from './subject-access.schemas';
import type { SubjectAccessService } from './subject-access.service';

export function subjectAccessEndpoints(subjectAccess: SubjectAccessService): Endpoint[] {
  return [
    apiEndpoint({
      method: 'get',
      path: '/api/v1/clients/{id}/export',
      roles: ['provider'],
      summary: 'Data-subject export (AVG art. 15): everything stored about one of your clients',
      description:
        'One JSON document: the profile, every proposal with its decisions, every placement with ' +
        'its history and check-ins, the access log (who ' +
        'read the profile, when) and the rest of its audit trail. The export itself is audited ' +
        '(`client.exported`). See docs/privacy.md.',
      tags: ['Clients'],
      params: clientExportParamsSchema,
      responses: { 200: { description: 'The export.', schema: clientExportSchema } },
      handle: async ({ actor, params }) => ({
        status: 200,
        headers: { 'Cache-Control': 'no-store' },
        body: await subjectAccess.exportClient(actor, params.id),
      }),
    }),
  ];
}
