import * as z from 'zod';
// The codes only (local-governments.json without names): every handler bundle validates a government code.
import codes from '#shared/data/government-codes.json' with { type: 'json' };

const governmentCodes = new Set(codes);

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

/**
 * What SQS message bodies (XML 1.0 Char: #x9 | #xA | #xD | #x20–#xD7FF | #xE000–#xFFFD |
 * #x10000–#x10FFFF) and the reports (XML inside XLSX) can carry. Everything else — C0 controls
 * other than tab and line breaks, lone surrogates, the noncharacters U+FFFE and U+FFFF — is
 * refused at the door, before anything is stored: a posting that SQS refuses after its request
 * was written would answer 500 on every retry.
 */
const UNCARRIABLE = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** The first character `value` cannot carry, as U+XXXX with its position (code points), or undefined. */
export function uncarriableCharacter(value: string): string | undefined {
  const match = UNCARRIABLE.exec(value);
  if (!match) return undefined;
  const codePoint = match[0].codePointAt(0) ?? 0;
  const position = [...value.slice(0, match.index)].length + 1;
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')} at character ${position}`;
}

const carriable = (value: string): boolean => !UNCARRIABLE.test(value);
const carriableMessage = (value: unknown): string =>
  `contains a character that cannot be stored, queued or reported (${typeof value === 'string' ? uncarriableCharacter(value) : 'not text'}): ` +
  'control characters other than tab and line breaks, lone surrogates and U+FFFE/U+FFFF are not allowed';

/**
 * Every free-text field of a request: a string that only holds carriable characters. Lengths are
 * checked after trimming when `trim` is set (zod's order: trim, then min/max, then this check).
 */
export function text(options: { readonly min?: number; readonly max?: number; readonly trim?: boolean } = {}) {
  let schema = z.string();
  if (options.trim ?? true) schema = schema.trim();
  if (options.min !== undefined) schema = schema.min(options.min);
  if (options.max !== undefined) schema = schema.max(options.max);
  return schema.refine(carriable, { error: (issue) => carriableMessage(issue.input) });
}

export const govParams = z.strictObject({ gov: govCode });
export const govYearParams = z.strictObject({ gov: govCode, year: fiscalYear });

/** Cursor pagination shared by list routes. */
export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  cursor: text({ max: 2048, trim: false }).optional(),
});
