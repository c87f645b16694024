import { z } from 'zod';

import { NETHERLANDS_BOUNDS } from '../geo/geo';
import { identifyingPart } from './opaque-reference';

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

/** The dates the service deals in (readiness, availability, consent, leases): a sanity range. */
export const EARLIEST_DATE = '2000-01-01';
export const LATEST_DATE = '2099-12-31';

/**
 * The one date type for every date field: a real calendar date `YYYY-MM-DD` (2026-02-30 is
 * refused) between EARLIEST_DATE and LATEST_DATE, so year 0000 or 9999 never reaches the database.
 */
export const isoDateSchema = z.iso
  .date('a date as YYYY-MM-DD')
  .refine(
    (date) => date >= EARLIEST_DATE && date <= LATEST_DATE,
    `a date between ${EARLIEST_DATE} and ${LATEST_DATE}`,
  )
  .meta({ example: '2026-12-01' });

/** C0 and C1 control characters (NUL, BEL, ESC, DEL, …): never part of a name or a label. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\x00-\x1F\x7F-\x9F]/;
/** In `u` mode only a surrogate without its partner is a code point of category Cs. */
const UNPAIRED_SURROGATE = /\p{Cs}/u;

/**
 * The one string type for free text a person types (names, labels): trimmed, non-empty, bounded,
 * without control characters or unpaired surrogates, so what is stored is what can be shown.
 */
export const freeTextSchema = (maxLength: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(maxLength)
    .refine((text) => !CONTROL_CHARACTERS.test(text), 'no control characters')
    .refine((text) => !UNPAIRED_SURROGATE.test(text), 'not valid Unicode text');

/**
 * An organisation's own reference for a unit or a client: letters, digits and `. _ / -`, with a
 * number in it, and nothing that looks like a name, date, BSN or diagnosis (see
 * `opaque-reference.ts` and docs/privacy.md).
 */
export const externalRefSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/,
    'letters, digits and . _ / - only, no spaces, at most 64 characters',
  )
  .superRefine((ref, ctx) => {
    const problem = identifyingPart(ref);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .meta({
    example: 'WZ-2026-0042',
    description:
      'Your own opaque reference: letters, digits and . _ / -, including a number; no name, ' +
      'date, BSN or diagnosis code.',
  });

/** Looking a reference up (a filter) stores nothing: only the shape is checked. */
export const externalRefFilterSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/, 'letters, digits and . _ / - only');

export const nameSchema = freeTextSchema(200);

/**
 * A street name as the BAG writes it: letters (with accents), digits, spaces and ' . - /, at most
 * 80 characters and 6 words, at least two letters. Commas, colons and sentences are refused, so
 * the field cannot carry a note.
 */
/** Letters of the Latin script with their accents (À–ÿ, Latin Extended-A and -B). */
const LETTER = 'A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F';
const STREET_WORD = `[${LETTER}0-9'\\u2019./-]+`;

export const streetSchema = z
  .string()
  .trim()
  .max(80)
  .regex(
    // No `u` flag: the pattern goes into the OpenAPI document as it is written.
    new RegExp(`^(?=(?:.*[${LETTER}]){2})${STREET_WORD}(?: ${STREET_WORD}){0,5}$`),
    'a street name such as Kerkstraat or Burgemeester van Rooijstraat',
  )
  .meta({ example: 'Kerkstraat' });

/** BAG: a number 1–99999, an optional letter, an optional addition of up to four characters. */
export const houseNumberSchema = z
  .string()
  .trim()
  .regex(
    /^[1-9]\d{0,4}[A-Za-z]?(?:[ -]?[A-Za-z0-9]{1,4})?$/,
    'a house number such as 12, 12A, 12-3 or 12 bis',
  )
  .meta({ example: '12A' });

/** Euro per month, cents at most. */
export const moneySchema = z
  .number()
  .positive()
  .lt(5000, 'a monthly amount below 5000')
  .multipleOf(0.01, 'at most two decimals');
