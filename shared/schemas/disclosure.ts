import * as z from 'zod';
import { fiscalYear, wonTotal } from '#shared/schemas/common.ts';

export const exactRatio = z.object({
  numerator: wonTotal,
  denominator: wonTotal,
  percent: z
    .string()
    .regex(/^\d+\.\d{2}$/)
    .nullable()
    .describe('numerator / denominator × 100, rounded half-up to 2 decimals; null when the denominator is 0'),
});

const summaryRow = z.object({ code: z.string(), name: z.string(), amount: wonTotal });

export const budgetSummary = z.object({
  gov: z.string(),
  year: z.number().int(),
  version: z.number().int().describe('the final budget version disclosed (0 = 본예산, n = n차 추경)'),
  revenue: z.array(summaryRow).describe('세입 by category (지방세수입, 세외수입, …)'),
  expenditure: z.array(summaryRow).describe('세출 by 분야'),
  revenueTotal: wonTotal,
  expenditureTotal: wonTotal,
});

const indicatorFigures = {
  revenueTotal: wonTotal,
  ownRevenue: wonTotal.describe('지방세수입 + 세외수입'),
  autonomousRevenue: wonTotal.describe('지방세수입 + 세외수입 + 지방교부세 + 조정교부금등'),
  fiscalIndependence: exactRatio.describe('재정자립도'),
  fiscalAutonomy: exactRatio.describe('재정자주도'),
};

export const fiscalIndicators = z.object({
  gov: z.string(),
  year: z.number().int(),
  version: z.number().int(),
  ...indicatorFigures,
  official: z
    .object({
      basis: z.string().describe('일반회계·당초예산·총계'),
      version: z.number().int().describe('the 당초예산: the first version of the year to become final'),
      ...indicatorFigures,
      educationTax: wonTotal.describe('지방교육세 (세입 1-2-02) left out of both numerators: transferred whole to the 교육청'),
    })
    .describe('the ministry basis (e-나라지표, 지방재정365): 일반회계 lines of the 당초예산, over the government’s 총계'),
});

const netFigures = {
  ...indicatorFigures,
  educationTax: wonTotal.describe('지방교육세 (세입 1-2-02) left out of both numerators'),
  netted: wonTotal.describe('조정교부금 (4) and 시·도비보조금 (5-2) a member received from its 시·도 in the set: out of the 순계'),
};

export const indicatorAverages = z.object({
  year: z.number().int(),
  basis: z.string().describe('일반회계·당초예산·순계'),
  governments: z.number().int().describe('governments with a final budget for the year, averaged'),
  national: z.object(netFigures).describe('전국 평균 on the 순계'),
  provinces: z
    .array(
      z.object({
        code: z.string(),
        name: z.string(),
        governments: z.number().int(),
        ...netFigures,
      }),
    )
    .describe('each 시·도 with its 시·군·구, on the 순계'),
});

export const yearParams = z.strictObject({ year: fiscalYear });
