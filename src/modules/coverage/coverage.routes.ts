import { z } from 'zod';

import { apiEndpoint, type Endpoint } from '../../shared/http/endpoint';
import { coverageInputSchema, coverageSchema } from './coverage.schemas';
import type { CoverageService } from './coverage.service';

const params = z.object({ id: z.uuid() });

export function coverageEndpoints(coverage: CoverageService): Endpoint[] {
  return [
    apiEndpoint({
      method: 'put',
      path: '/api/v1/organisations/{id}/coverage',
      roles: ['provider', 'admin'],
      summary:
        "Set where a provider's support can go and its capacity there (provider: own; admin)",
      tags: ['Support coverage'],
      params,
      body: coverageInputSchema,
      responses: { 200: { description: 'The coverage now.', schema: coverageSchema } },
      handle: async ({ actor, params: { id }, body }) => ({
        status: 200,
        body: await coverage.put(actor, id, body),
      }),
    }),
    apiEndpoint({
      method: 'get',
      path: '/api/v1/organisations/{id}/coverage',
      summary: "A provider's support coverage (provider: own; matcher: its region; admin)",
      tags: ['Support coverage'],
      params,
      responses: { 200: { description: 'The coverage.', schema: coverageSchema } },
      handle: async ({ actor, params: { id } }) => ({
        status: 200,
        body: await coverage.get(actor, id),
      }),
    }),
  ];
}
