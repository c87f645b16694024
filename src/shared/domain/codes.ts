import { z } from 'zod';

import { NETHERLANDS_BOUNDS } from '../geo/geo';

export const regionCodeSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'lower-case letters, digits and dashes, 2–40 long')
  .meta({ example: 'noord-midden-limburg' });

export const municipalityCodeSchema = z
  .string()
  .regex(/^GM\d{4}$/, 'a CBS municipality code such as GM0983')
  .meta({ example: 'GM0983' });

export const neighbourhoodCodeSchema = z
  .string()
  .regex(/^BU\d{8}$/, 'a CBS neighbourhood code such as BU09830100')
  .meta({ example: 'BU09830100' });

export const latSchema = z
  .number()
  .min(NETHERLANDS_BOUNDS.minLat, 'outside the Netherlands')
  .max(NETHERLANDS_BOUNDS.maxLat, 'outside the Netherlands')
  .meta({ example: 51.37 });

export const lonSchema = z
  .number()
  .min(NETHERLANDS_BOUNDS.minLon, 'outside the Netherlands')
  .max(NETHERLANDS_BOUNDS.maxLon, 'outside the Netherlands')
  .meta({ example: 6.17 });

/** A real calendar date `YYYY-MM-DD` (2026-02-30 is refused). */
export const isoDateSchema = z.iso.date('a date as YYYY-MM-DD').meta({ example: '2026-12-01' });

/** An organisation's own reference: short, no spaces, so it cannot hold a name or a note. */
export const externalRefSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/,
    'letters, digits and . _ / - only, no spaces, at most 64 characters',
  )
  .meta({ example: 'WZ-2026-0042' });

export const nameSchema = z.string().trim().min(1).max(200);

/** Euro per month, cents at most. */
export const moneySchema = z
  .number()
  .positive()
  .lt(5000, 'a monthly amount below 5000')
  .multipleOf(0.01, 'at most two decimals');
