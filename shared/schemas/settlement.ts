import * as z from 'zod';
import { accidentGrounds, carryOverKinds } from '#shared/domain/settlement/carry-over.ts';
import { closingKinds } from '#shared/domain/settlement/periods.ts';
import { reportIds } from '#shared/domain/reports/report.ts';
import { fiscalYear, govCode, positiveWon, text, won } from '#shared/schemas/common.ts';
import { postingId } from '#shared/schemas/execution.ts';
import { keysOf } from '#shared/domain/table-keys.ts';

const lineIdParam = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[0-9A-Za-z_.-]+$/, 'a budget line id');

export const carryOverParams = z.strictObject({ gov: govCode, year: fiscalYear, lineId: lineIdParam });

export const carryOverBody = z.strictObject({
  kind: z.enum(keysOf(carryOverKinds)).describe('explicit 명시이월 · accident 사고이월 · continuing 계속비이월'),
  amount: positiveWon.describe('won carried into next year; at most 예산현액 − 지출액 of the line'),
  reason: text({ min: 1, max: 500 }).describe('why (council resolution, event, contract)'),
  commitmentIds: z
    .array(postingId)
    .min(1)
    .max(200)
    .optional()
    .describe('사고이월 제1호 (required) or 명시이월 (지방회계법 제30조): the commitments of the line made and not paid that it carries'),
  incidentalCosts: won.optional().describe('사고이월: their unpaid 부대경비 (practice [U])'),
  ground: z
    .enum(keysOf(accidentGrounds))
    .optional()
    .describe(
      '사고이월 (required): its ground, 지방재정법 제50조② 1 commitment · 2 bid-announced · 3 loss-compensation · 4 recurring-cost',
    ),
});

export const carryOverView = z.object({
  gov: z.string(),
  year: z.number().int(),
  lineId: z.string(),
  kind: z.enum(keysOf(carryOverKinds)),
  amount: z.number().int(),
  reason: z.string(),
  commitmentIds: z.array(z.string()).optional(),
  incidentalCosts: z.number().int().optional(),
  ground: z.enum(keysOf(accidentGrounds)).optional(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});

export const carryOverList = z.object({ items: z.array(carryOverView.omit({ recordedBy: true, recordedAt: true })) });

export const closingRequestBody = z.strictObject({
  kind: z.enum(closingKinds),
  period: text({ max: 10, trim: false }).describe('yyyy-mm-dd (daily), yyyy-mm (monthly) or yyyy (year-end), within the year of the path'),
  backfill: z
    .boolean()
    .optional()
    .describe('close before its time and without its earlier periods (tests, data migration); audited as such'),
});

export const closingAccepted = z.object({
  gov: z.string(),
  kind: z.enum(closingKinds),
  period: z.string(),
  messageId: z.string(),
  unsettledAdvances: z
    .object({ count: z.int(), unsettled: won, orderIds: z.array(z.string()) })
    .optional()
    .describe(
      'year-end only, a warning: advances still unsettled past their due date (일상경비등: 20 January, 지방회계법 제7조제2항); ' +
        'their 선급금 stays an asset of the closed year (GET …/years/{year}/advances/unsettled lists them)',
    ),
});

export const closingProgressView = z.object({
  kind: z.enum(closingKinds),
  period: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  failure: z
    .object({ code: z.string(), detail: z.string() })
    .optional()
    .describe('why the last run failed; the period was opened again and nothing was marked closed'),
  completed: z.array(z.string()),
  summary: z.record(z.string(), z.number()),
  updatedAt: z.string(),
});
export const closingStatus = z.object({
  gov: z.string(),
  year: z.number().int(),
  yearClosed: z.boolean(),
  closings: z.array(closingProgressView),
});

/** The message a closing job receives on the settlement queue: one government, one period. */
export const closingMessage = z.strictObject({
  gov: govCode,
  kind: z.enum(closingKinds),
  period: z.string().max(10),
  /** The fiscal year, when the period is one of its 출납정리 days or months (dated in the next year). */
  year: z.number().int().optional(),
  backfill: z.literal(true).optional(),
});
export type ClosingMessage = z.infer<typeof closingMessage>;

/**
 * The input of a scheduled closing (the schedule's detail), e.g. {"kind":"year-end"}; `npm run job`
 * adds its options: --year 2025 (year-end), --year 2025 --month 3 (monthly), --period 2026-03-05,
 * --gov 11110 (one government).
 */
export const closingSchedule = z.object({
  kind: z.enum(closingKinds),
  period: z.string().max(10).optional().describe('defaults to the last completed day, month or year in Korea'),
  year: z.number().int().optional(),
  month: z.number().int().min(1).max(12).optional(),
  gov: govCode.optional(),
  govs: z.array(govCode).min(1).optional().describe('defaults to every government in the registry'),
  backfill: z.literal(true).optional().describe('close before its time (tests, data migration): `npm run job -- … --backfill`'),
});
export type ClosingSchedule = z.infer<typeof closingSchedule>;

const manifestFile = z.object({ file: z.string(), key: z.string(), contentType: z.string(), size: z.number().int(), sha256: z.string() });
export const archiveView = z.object({
  gov: z.string(),
  year: z.number().int(),
  report: z.string(),
  title: z.string(),
  period: z.string(),
  manifestKey: z.string(),
  manifestSha256: z.string(),
  manifestSize: z.number().int(),
  files: z.array(manifestFile),
  archivedAt: z.string(),
});
export const archivePage = z.object({
  items: z.array(archiveView),
  nextCursor: z.string().optional().describe('present when more archives may follow'),
});

const pageFields = {
  report: z.enum(reportIds).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional().describe('archives per page; 50 unless given'),
  cursor: text({ max: 2048, trim: false }).optional().describe('nextCursor of the previous page, as received'),
};
export const nationalArchivesQuery = z.strictObject({ year: fiscalYear, gov: govCode.optional(), ...pageFields });
export const governmentArchivesQuery = z.strictObject(pageFields);

export const downloadQuery = z.strictObject({
  key: text({ max: 300, trim: false }).describe('archive object key, {year}/{gov}/{report}/{period}/{file}'),
});
export const downloadView = z.object({
  key: z.string(),
  url: z.string().describe('presigned GET URL'),
  expiresInSeconds: z.number().int(),
  sha256: z.string().describe('SHA-256 (hex) the file must have, from its manifest'),
  size: z.number().int(),
  contentType: z.string(),
  manifestKey: z.string(),
  manifestSha256: z.string(),
});
