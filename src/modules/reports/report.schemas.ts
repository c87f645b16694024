import { z } from 'zod';

import { isoDateSchema, municipalityCodeSchema, regionCodeSchema } from '../../shared/domain/codes';
import { TABLES } from './report.tables';

const periodShape = {
  regionCode: regionCodeSchema.optional().meta({
    description: "Defaults to your organisation's region; an admin names one.",
  }),
  municipalityCode: municipalityCodeSchema.optional().meta({
    description: 'Only this municipality (one you may see).',
  }),
  from: isoDateSchema.optional().meta({
    description: 'First day of the period (default: 1 January of the year of `to`).',
  }),
  to: isoDateSchema.optional().meta({ description: 'Last day of the period (default: today).' }),
};

const fromNotAfterTo = (query: { from?: string | undefined; to?: string | undefined }) =>
  !query.from || !query.to || query.from <= query.to;

export const reportQuerySchema = z
  .object(periodShape)
  .refine(fromNotAfterTo, { path: ['from'], message: 'must not be after `to`' });
export type ReportQuery = z.output<typeof reportQuerySchema>;

export const csvQuerySchema = z
  .object({
    ...periodShape,
    separator: z.enum(['comma', 'semicolon']).default('comma').meta({
      description: '`semicolon` for a Dutch Excel, which expects `;` between cells.',
    }),
  })
  .refine(fromNotAfterTo, { path: ['from'], message: 'must not be after `to`' });

const cell = z.union([z.number(), z.string(), z.null()]);

export const reportOverviewSchema = z
  .object({
    regionCode: z.string(),
    municipalityCodes: z.array(z.string()).meta({ description: 'The municipalities counted.' }),
    from: z.string(),
    to: z.string(),
    asOf: z.string().meta({
      description: 'The day stocks (waiting) are counted on: `to`, or today if that is earlier.',
    }),
    protection: z
      .object({
        threshold: z.number().int(),
        primary: z.string().meta({ description: 'How a count below the threshold is shown.' }),
        secondary: z.string().meta({
          description: 'How a count hidden so that a small one cannot be worked out is shown.',
        }),
      })
      .nullable()
      .meta({ description: 'Small-number protection, for a gemeente; null for exact figures.' }),
    tables: z.object(
      Object.fromEntries(
        Object.values(TABLES).map((spec) => [
          spec.key,
          z.array(z.record(z.string(), cell)).meta({
            description: `${spec.title}. Columns: ${spec.columns.join(', ')}.`,
          }),
        ]),
      ),
    ),
  })
  .meta({ id: 'ReportOverview' });
export type ReportOverview = z.output<typeof reportOverviewSchema>;
