import { refusal } from '#shared/domain/refusal.ts';
import { isReserve } from '#shared/domain/budget/item-classes.ts';
import type { LimitBreach, Refusal } from '#shared/domain/refusal.ts';

/**
 * Allotment (예산배정) and cash allocation (자금배정) limits. Both are postings: an amount is
 * added, and only a reversal referencing the original takes it back.
 *   allotment:           allotted + x ≤ budget
 *   allotment reversal:  allotted − x ≥ committed
 *   cash reversal:       allocated − x ≥ paid
 */
/**
 * The breach of a rule "what lies between two counters covers the amount" (upper − lower ≥ amount),
 * with both counters as its numbers; undefined when it holds.
 */
function headroomBreach(
  rule: string,
  [upperName, upper]: readonly [string, number],
  [lowerName, lower]: readonly [string, number],
  amount: number,
): LimitBreach | undefined {
  const available = upper - lower;
  if (amount <= available) return undefined;
  return { rule, requested: amount, available, numbers: { [upperName]: upper, [lowerName]: lower } };
}

export const allotmentBreach = (control: { readonly budget: number; readonly allotted: number }, amount: number) =>
  headroomBreach('allotted + amount ≤ budget', ['budget', control.budget], ['allotted', control.allotted], amount);

export const allotmentReversalBreach = (control: { readonly allotted: number; readonly committed: number }, amount: number) =>
  headroomBreach('allotted − reversal ≥ committed', ['allotted', control.allotted], ['committed', control.committed], amount);

/**
 * Reversing a cash allocation of `amount`: what is left allocated must still cover what the month's
 * cash is spoken for — paid, or more when payment orders given in the month wait for the bank
 * (`claimed`, 지방회계법 시행령 제33조제2호: the 지출원 orders only within the cash allocated).
 */
export function cashReversalBreach(
  control: { readonly allocated: number; readonly paid: number; readonly claimed?: number | undefined },
  amount: number,
): LimitBreach | undefined {
  const claimed = control.claimed ?? 0;
  const spokenFor = Math.max(control.paid, claimed);
  const breach = headroomBreach(
    'allocated − reversal ≥ max(paid, claimed)',
    ['allocated', control.allocated],
    ['spokenFor', spokenFor],
    amount,
  );
  return breach && { ...breach, numbers: { allocated: control.allocated, paid: control.paid, claimed } };
}

/** Allotting `amount` on a line: refused when it would take allotted above the budget. */
export const allotmentRefusal = (lineId: string, control: { readonly budget: number; readonly allotted: number }, amount: number) =>
  lineLimitRefusal('allotment-exceeds-budget', lineId, allotmentBreach(control, amount));

/** Reversing an allotment of `amount`: refused when what is left allotted would not cover what is committed. */
export const allotmentReversalRefusal = (
  lineId: string,
  control: { readonly allotted: number; readonly committed: number },
  amount: number,
) => lineLimitRefusal('reversal-below-committed', lineId, allotmentReversalBreach(control, amount));

/** Reversing a cash allocation of `amount`: refused when what is left allocated would not cover what is paid. */
export function cashReversalRefusal(
  control: { readonly allocated: number; readonly paid: number; readonly claimed?: number | undefined },
  amount: number,
): Refusal | undefined {
  const breach = cashReversalBreach(control, amount);
  if (!breach) return undefined;
  return refusal(
    'unprocessable',
    'reversal-below-paid',
    `${breach.rule} would not hold (requested ${breach.requested}, available ${breach.available})`,
    { ...breach },
  );
}

/** The refusal of a line's limit that a breach broke; undefined when the limit held. */
function lineLimitRefusal(
  code: 'allotment-exceeds-budget' | 'reversal-below-committed',
  lineId: string,
  breach: LimitBreach | undefined,
): Refusal | undefined {
  if (!breach) return undefined;
  const detail = `line ${lineId}: ${breach.rule} would not hold (requested ${breach.requested}, available ${breach.available})`;
  return refusal('unprocessable', code, detail, { lineId, ...breach });
}

/**
 * A cash allocation's month lies in its fiscal year, or is January of the next year: until 20 January
 * the listed exceptions still pay out of the old year (지방회계법 제7조제1항 단서; 회계령 제34조), and their
 * 지급명령 claims the cash of the month it is dated in (rules/order-checks.ts). That the old year's 자금
 * is released for that month is practice [U].
 */
export const monthInYear = (month: string, year: number): boolean => month.startsWith(`${year}-`) || month === `${year + 1}-01`;

export const monthOutsideYear = (month: string, year: number): Refusal =>
  refusal('unprocessable', 'month-outside-year', `month ${month} is not in fiscal year ${year}`);

/** Only a line with a control item (a final or provisional budget) is allotted. */
export const lineNotControlled = (gov: string, year: number, lineId: string): Refusal =>
  refusal('not-found', 'line-not-controlled', `line ${lineId} has no final (or provisional) ${year} budget in ${gov}`);

/** Only spending is allotted. */
export function allotableRefusal(lineId: string, control: { readonly kind: 'expenditure' | 'revenue' }): Refusal | undefined {
  if (control.kind === 'expenditure') return undefined;
  return refusal('unprocessable', 'not-an-expenditure-line', `line ${lineId} is a revenue line; only spending is allotted`);
}

/**
 * A 예비비 (801) line is never allotted: a 사용결정 first moves the amount to a 세출 line, which is
 * allotted (지방재정법 시행령 §56③). With nothing allotted, no commitment can draw on the 예비비
 * line either (committed ≤ allotted), which is how the budget side keeps execution off it.
 */
export function reserveAllotmentRefusal(lineId: string, itemCode: string): Refusal | undefined {
  if (!isReserve(itemCode)) return undefined;
  return refusal(
    'unprocessable',
    'reserve-not-spendable',
    `line ${lineId} is a 예비비; decide a 사용결정 to a 세출 line and allot that line`,
    {
      rule: '예비비 → 사용결정 → allotment of the target line',
      basis: '지방재정법 시행령 §56③',
      lineId,
    },
  );
}
