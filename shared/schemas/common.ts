import * as z from 'zod';
import governments from '#shared/data/local-governments.json' with { type: 'json' };

const governmentCodes = new Set(governments.map((g) => g.code));

/** A government code from the registry: 5 digits (법정동코드 prefix), e.g. 11000 서울특별시. */
export const govCode = z
  .string()
  .regex(/^\d{5}$/, 'a government code is 5 digits')
  .refine((code) => governmentCodes.has(code), 'no such local government');

/** A fiscal year (회계연도 = calendar year) in a JSON body. */
export const fiscalYearNumber = z.int().min(2000).max(2100);

/** A fiscal year in a path or query: exactly four digits (no signs, spaces, hex or decimals). */
export const fiscalYear = z
  .string()
  .regex(/^\d{4}$/, 'a year is four digits')
  .transform(Number)
  .pipe(fiscalYearNumber);

/** Exact won, a non-negative integer that JSON numbers carry exactly. */
export const won = z.number().int('amounts are whole won').nonnegative('amounts cannot be negative').max(Number.MAX_SAFE_INTEGER);

/** Strictly positive won, for postings. */
export const positiveWon = won.positive('amounts must be more than zero');

/** Totals that can exceed 2^53 travel as decimal strings. */
export const wonTotal = z
  .string()
  .regex(/^-?\d+$/)
  .describe('exact integer won as a decimal string');

export const isoDate = z.iso.date();

export const govParams = z.strictObject({ gov: govCode });
export const govYearParams = z.strictObject({ gov: govCode, year: fiscalYear });

/** Cursor pagination shared by list routes. */
export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  cursor: z.string().max(2048).optional(),
});
