import { z } from 'zod';

import { apiEndpoint, type Endpoint } from '../../shared/http/endpoint';
import { etag, parseIfMatch } from '../../shared/http/if-match';
import { pageSchema, toPageRequest } from '../../shared/http/pagination';
import { UNIT_CSV_COLUMNS } from './unit-csv';
import {
  createUnitSchema,
  importResultSchema,
  listUnitsQuerySchema,
  patchUnitSchema,
  unitParamsSchema,
  unitSchema,
} from './unit.schemas';
import type { UnitService } from './unit.service';

const tags = ['Units'];

export function unitEndpoints(units: UnitService): Endpoint[] {
  return [
    apiEndpoint({
      method: 'post',
      path: '/api/v1/units',
      roles: ['corporation'],
      summary: 'Register an available unit (corporation)',
      description:
        '`externalRef` is unique per corporation: sending the same unit again answers 409 ' +
        '(with `existingId`) and stores nothing.',
      tags,
      body: createUnitSchema,
      errors: [409],
      responses: { 201: { description: 'Registered.', schema: unitSchema } },
      handle: async ({ actor, body }) => {
        const unit = await units.create(actor, body);
        return {
          status: 201,
          body: unit,
          headers: { ETag: etag(unit.version), Location: `/api/v1/units/${unit.id}` },
        };
      },
    }),
    apiEndpoint({
      method: 'post',
      path: '/api/v1/units/import',
      roles: ['corporation'],
      summary: 'Import units from CSV (corporation): all rows or none',
      description:
        `A header row naming the columns (any order, \`,\` or \`;\` separated): ${UNIT_CSV_COLUMNS.join(', ')}. ` +
        'An empty cell is an absent field; booleans as true/false or ja/nee; decimals with . or ,. ' +
        'Any invalid row → 422 with an error per bad cell at `lines[n].column` (n is the line in ' +
        'the file; the header is line 1) and nothing stored. Rows identical to units already ' +
        'registered count as unchanged, so re-sending a file is safe. At most 10,000 rows; a ' +
        'line over 4,096 characters or a header of more than 64 columns is refused before parsing.',
      tags,
      body: z.string(),
      bodyContentType: 'text/csv',
      responses: {
        201: { description: 'Imported.', schema: importResultSchema },
        200: { description: 'Every row was registered already.', schema: importResultSchema },
      },
      handle: async ({ actor, body }) => {
        const result = await units.import(actor, body);
        return { status: result.created > 0 ? 201 : 200, body: result };
      },
    }),
    apiEndpoint({
      method: 'get',
      path: '/api/v1/units',
      roles: ['corporation', 'matcher', 'admin'],
      summary: 'List units (corporation: its own; matcher: in its municipalities; admin: all)',
      tags,
      query: listUnitsQuerySchema,
      responses: { 200: { description: 'A page.', schema: pageSchema(unitSchema) } },
      handle: async ({ actor, query }) => {
        const { limit: _limit, cursor: _cursor, ...filter } = query;
        return {
          status: 200,
          body: await units.list(actor, filter, toPageRequest(query)),
          contentType: 'application/json',
        };
      },
    }),
    apiEndpoint({
      method: 'get',
      path: '/api/v1/units/{id}',
      roles: ['corporation', 'matcher', 'admin'],
      summary: 'Get a unit',
      tags,
      params: unitParamsSchema,
      responses: { 200: { description: 'The unit; ETag is its version.', schema: unitSchema } },
      handle: async ({ actor, params }) => {
        const unit = await units.get(actor, params.id);
        return { status: 200, body: unit, headers: { ETag: etag(unit.version) } };
      },
    }),
    apiEndpoint({
      method: 'patch',
      path: '/api/v1/units/{id}',
      roles: ['corporation'],
      summary: 'Change an available unit (corporation); optional If-Match',
      tags,
      params: unitParamsSchema,
      body: patchUnitSchema,
      errors: [409, 412],
      responses: { 200: { description: 'The unit as it is now.', schema: unitSchema } },
      handle: async ({ actor, params, body, req }) => {
        const unit = await units.update(
          actor,
          params.id,
          body,
          parseIfMatch(req.headers['if-match']),
        );
        return { status: 200, body: unit, headers: { ETag: etag(unit.version) } };
      },
    }),
    apiEndpoint({
      method: 'post',
      path: '/api/v1/units/{id}/withdraw',
      roles: ['corporation'],
      summary: 'Withdraw a unit (corporation); withdrawing again changes nothing',
      tags,
      params: unitParamsSchema,
      errors: [409],
      responses: { 200: { description: 'The withdrawn unit.', schema: unitSchema } },
      handle: async ({ actor, params }) => ({
        status: 200,
        body: await units.withdraw(actor, params.id),
      }),
    }),
  ];
}
