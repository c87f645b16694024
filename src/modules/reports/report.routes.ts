import { z } from 'zod';

import { apiEndpoint, type Endpoint } from '../../shared/http/endpoint';
import { csvQuerySchema, reportOverviewSchema, reportQuerySchema } from './report.schemas';
import type { ReportService } from './report.service';
import { REPORT_TABLES, TABLES } from './report.tables';

const tags = ['Reports'];
const roles = ['admin', 'matcher', 'viewer'] as const;
const SCOPE =
  "A matcher sees its point's municipalities, an admin the named region, a gemeente its own " +
  'municipality, whole calendar years only, with counts below the small-number threshold shown ' +
  'as `<5` and counts that would reveal them as `x` (docs/reports.md).';

export function reportEndpoints(reports: ReportService): Endpoint[] {
  return [
    apiEndpoint({
      method: 'get',
      path: '/api/v1/reports/overview',
      roles,
      summary: 'Policy information: every report table for a region or municipality and period',
      description: SCOPE,
      tags,
      query: reportQuerySchema,
      errors: [404],
      responses: { 200: { description: 'The overview.', schema: reportOverviewSchema } },
      handle: async ({ actor, query }) => ({
        status: 200,
        body: await reports.overview(actor, query),
      }),
    }),
    ...REPORT_TABLES.map((table) =>
      apiEndpoint({
        method: 'get',
        path: `/api/v1/reports/${table}.csv`,
        roles,
        summary: `${TABLES[table].title} (CSV)`,
        description:
          `The overview's \`${TABLES[table].key}\` table as CSV: UTF-8 with a byte-order mark, ` +
          `a header row, columns in this order: ${TABLES[table].columns.join(', ')}. A text cell ` +
          "that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'`. " +
          SCOPE,
        tags,
        query: csvQuerySchema,
        errors: [404],
        responses: {
          200: { description: 'The table.', schema: z.string(), contentType: 'text/csv' },
        },
        handle: async ({ actor, query }) => {
          const { separator, ...period } = query;
          return {
            status: 200,
            contentType: 'text/csv; charset=utf-8',
            headers: { 'Content-Disposition': `attachment; filename="${table}.csv"` },
            body: await reports.csv(actor, table, period, separator),
          };
        },
      }),
    ),
  ];
}
