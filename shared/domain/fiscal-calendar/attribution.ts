import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';
import { keysOf } from '#shared/domain/table-keys.ts';

/**
 * Which fiscal year a 징수결정 (revenue) or 지출원인행위 (expenditure) belongs to: 회계령 제2조
 * (under 지방회계법 제6조제2항), one category per item, as data. `date` says which date decides:
 *   required   the request gives it (attribution.date)
 *   due-date   the assessment's due date, or attribution.date when the due date was extended
 *              (제2조제1항제1호: the due date before an extension under 제19조제4항·제5항)
 *   optional   decided later (the 지급명령, the day payment becomes fixed); checked when given
 *   none       the budget's own year
 */
export type AttributionDate = 'required' | 'due-date' | 'optional' | 'none';

interface AttributionCategory {
  readonly date: AttributionDate;
  readonly source: string;
  readonly meaning: string;
}

export const revenueAttributions = {
  'due-date': { date: 'due-date', source: '회계령 제2조제1항제1호', meaning: '납부기한이 정해져 있는 수입: 납부기한이 속하는 연도' },
  'notice-date': {
    date: 'required',
    source: '회계령 제2조제1항제1호 단서, 제2호',
    meaning: '납입고지서를 발급하는 수시수입 (or no notice within the due year): 납입고지서를 발급한 날이 속하는 연도',
  },
  'basic-receipt-year': {
    date: 'required',
    source: '회계령 제2조제1항제2호 단서',
    meaning: '기본수입에 부수되는 수입: 기본수입이 속하는 연도 (date: the basic receipt’s attribution date)',
  },
  'receipt-date': {
    date: 'required',
    source: '회계령 제2조제1항제3호',
    meaning: '납입고지서를 발급하지 아니하는 수시수입: 영수한 날이 속하는 연도',
  },
  'budget-year': {
    date: 'none',
    source: '회계령 제2조제1항제3호 단서',
    meaning: '지방채증권·차입금·부담금·교부금·보조금·기부금·상환금 등: 그 예산이 속하는 연도',
  },
} as const satisfies Readonly<Record<string, AttributionCategory>>;

export const expenditureAttributions = {
  'due-date': { date: 'required', source: '회계령 제2조제2항제1호', meaning: '지방채의 원리금: 지급기일이 속하는 연도' },
  'payment-decision-date': {
    date: 'required',
    source: '회계령 제2조제2항제2호',
    meaning: '반환금·결손보전금·상환금 등: 지급결정을 한 날이 속하는 연도',
  },
  'budget-year': { date: 'none', source: '회계령 제2조제2항제3호', meaning: '부담금·교부금·보조금·기부금 등: 해당 예산이 속하는 연도' },
  'fact-date': {
    date: 'required',
    source: '회계령 제2조제2항제4호',
    meaning: '실비보상·급여·여비·수수료 등: 지급을 하여야 할 사실이 발생한 날이 속하는 연도',
  },
  'claim-received-date': {
    date: 'required',
    source: '회계령 제2조제2항제5호',
    meaning: '사용료·보관료·전기료 등: 지급청구를 받은 날이 속하는 연도',
  },
  'payment-fixed-date': {
    date: 'optional',
    source: '회계령 제2조제2항제6호',
    meaning: '공사비·제조비·물건구입비·운반비 등 (상대방의 행위 완료 후 지급): 지급이 확정된 날이 속하는 연도',
  },
  'payment-order-date': { date: 'optional', source: '회계령 제2조제2항제7호', meaning: '그 밖의 경비: 지급명령을 한 날이 속하는 연도' },
} as const satisfies Readonly<Record<string, AttributionCategory>>;

export type RevenueAttribution = keyof typeof revenueAttributions;
export type ExpenditureAttribution = keyof typeof expenditureAttributions;
export const revenueAttributionCategories = keysOf(revenueAttributions);
export const expenditureAttributionCategories = keysOf(expenditureAttributions);

/**
 * When a request names no category: an assessment with a due date is 제2조제1항제1호, a commitment
 * falls under 제2조제2항제7호 ("그 밖의 경비"), the residual category.
 */
export const defaultAttribution = { revenue: 'due-date', expenditure: 'payment-order-date' } as const;

export interface Attribution {
  readonly category: string;
  readonly date?: string | undefined;
}

export type AttributedCommand =
  | { readonly kind: 'assess'; readonly dueDate: string; readonly attribution?: Attribution | undefined }
  | { readonly kind: 'commit'; readonly attribution?: Attribution | undefined };

/**
 * The assessment or commitment belongs to `year` by its category and dates (회계령 제2조), or the
 * refusal says which date puts it in which year. The schema has checked the category is of the
 * right side.
 */
export function attributionRefusal(year: number, command: AttributedCommand): Refusal | undefined {
  const side = command.kind === 'assess' ? 'revenue' : 'expenditure';
  const category = command.attribution?.category ?? defaultAttribution[side];
  const table: Readonly<Record<string, AttributionCategory>> = side === 'revenue' ? revenueAttributions : expenditureAttributions;
  const entry = table[category];
  if (!entry) throw new Error(`unknown ${side} attribution category ${category}`);
  const given = command.attribution?.date;
  const context = { rule: entry.source, category, meaning: entry.meaning, year };
  if (entry.date === 'none') {
    if (given === undefined) return undefined;
    return refusal(
      'unprocessable',
      'attribution-date-not-applicable',
      `category ${category} belongs to the year of its budget; it takes no date`,
      { ...context, date: given },
    );
  }
  const decisive = given ?? (entry.date === 'due-date' && command.kind === 'assess' ? command.dueDate : undefined);
  if (decisive === undefined) {
    if (entry.date === 'optional') return undefined;
    return refusal('unprocessable', 'attribution-date-required', `category ${category} needs attribution.date (${entry.meaning})`, context);
  }
  const attributedYear = Number(decisive.slice(0, 4));
  if (attributedYear === year) return undefined;
  return refusal(
    'unprocessable',
    'attribution-year-mismatch',
    `by ${entry.source} (${category}) this belongs to fiscal year ${attributedYear} (date ${decisive}), not ${year}`,
    { ...context, date: decisive, attributedYear },
  );
}

/**
 * The fiscal year a payment belongs to (회계령 제2조제2항), for the 지출원's check before a 지급명령
 * (회계령 제33조제3호): the commitment's category (its default, 제7호, when none was recorded) and the
 * date it gave; a category decided later (제6호 지급이 확정된 날, 제7호 지급명령을 한 날) without a
 * date is decided by the order's date (practice: the order is the latest moment payment is fixed).
 * Undefined for the categories that belong to the budget's own year (제3호).
 */
export function paymentYear(
  category: string,
  attributionDate: string | undefined,
  orderDate: string,
): { year: number; date: string; category: string; source: string } | undefined {
  const name = category === '' ? defaultAttribution.expenditure : category;
  const entry = (expenditureAttributions as Readonly<Record<string, AttributionCategory>>)[name];
  if (!entry || entry.date === 'none') return undefined;
  const date = attributionDate ?? (entry.date === 'optional' ? orderDate : undefined);
  if (date === undefined) return undefined;
  return { year: Number(date.slice(0, 4)), date, category: name, source: entry.source };
}
