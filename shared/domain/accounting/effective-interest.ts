/**
 * 회계기준규칙 제54조②: the 지방채할인 or 할증 발행차금 is written off (상각) or released (환입) "증권 발행시부터
 * 최종 상환시까지의 기간에 유효이자율 등으로". This is the effective-interest profile of one bond: the share of
 * its 차금 written off by the end of each month of its life.
 *
 * The bond's cash flows are its register schedule (shared/domain/debt/schedule.ts): each installment's
 * principal on its due date and its interest (표면이자). Months are counted as the rest of the 발행차금 rules
 * count them (월할, adjustments.ts): the issue month is month 1 and a cash flow falls at the end of its due
 * date's month. An installment's interest accrues evenly over the months of its period (from the previous
 * due month, or the issue, to its own) [practice: the 표면이자 is paid on the due date but earned over the
 * period; 월할 accrual keeps the year-end figures independent of the day of payment].
 *
 * Why months and not days (decided 2026-12-01, #13): 제54조② fixes the method ("유효이자율 등으로": the
 * effective rate, "등" admitting another reasonable method) and the period ("증권 발행시부터 최종 상환시까지"),
 * not a day count; no article of the rule (read whole, 2021-09-07 text) asks for daily accrual, and the
 * 차금 is written off only once a year, by the 결산정리 dated 31 December. The cash the bond pays is exact
 * either way: each installment's 표면이자 is the register schedule's, computed on the bond's own day count
 * (shared/domain/debt/schedule.ts, actual/365); the month count only spreads the 차금 over the years, and the
 * whole 차금 is written off by the final repayment whatever the count (adjustments.ts). The rule's other
 * periodic charge, 정액법 감가상각 (제49조②), is counted in months too (adjustments.ts), and keeping one
 * count for both is a 회계정책 that 제60조① lets change only with a note. Daily accrual is therefore not
 * required and not built [practice: 월할 is the usual count of the 결산 in 지방자치단체 and 일반기업회계 practice;
 * the 회계처리지침 that may fix it is the ministry's (제41조③, 제44조) and no stored text of it was found — U].
 * test/unit/accounting/bond-issue-difference.test.ts shows it with hand figures: the day of issue and of
 * payment inside their months changes no year's charge.
 *
 * The effective monthly rate i is the one at which the issue price (face − 할인, face + 할증; 제54조①: net
 * of issue costs) grows into exactly the cash flows: month by month
 *   carrying_{t−1} = principal outstanding_{t−1} ∓ 차금 remaining_{t−1}   (− for 할인, + for 할증)
 *   유효이자_t     = carrying_{t−1} × i
 *   상각액_t       = 유효이자_t − 표면이자_t (할인) or 표면이자_t − 유효이자_t (할증)
 *   차금_t         = 차금_{t−1} − 상각액_t
 * and i is found by bisection so that 차금 reaches 0 in the final month (the 최종 상환). The profile is the
 * cumulative fraction (차금_0 − 차금_t) ÷ 차금_0, exactly 1 from the final month on.
 *
 * Won: the profile is a fraction (binary floating point); adjustments.ts turns it into won by rounding each
 * cumulative amount half up and charging the difference of two cumulatives, so the charges add up to the
 * 차금 exactly and the final month takes the rounding.
 */

/** One installment of the register schedule: what the bond pays at the end of its due date's month. */
export interface ScheduledPayment {
  /** YYYY-MM-DD. */
  readonly dueDate: string;
  readonly principal: number;
  readonly interest: number;
}

export class EffectiveInterestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EffectiveInterestError';
  }
}

export const monthIndex = (date: string): number => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

export interface EffectiveInterestProfile {
  /** The effective rate per month. */
  readonly monthlyRate: number;
  /** Share of the 차금 written off by the end of absolute month `month` (monthIndex): 0 before the issue, 1 from the final month. */
  readonly writtenOffBy: (month: number) => number;
}

/** The per-month cash flows of the schedule: principal at the due month, interest spread over its period. */
function monthlyFlows(issued: string, schedule: readonly ScheduledPayment[]) {
  const first = monthIndex(issued);
  const sorted = [...schedule].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const months = monthIndex(sorted.at(-1)?.dueDate ?? issued) - first + 1;
  const principal = new Array<number>(months + 1).fill(0);
  const coupon = new Array<number>(months + 1).fill(0);
  let from = 0;
  for (const p of sorted) {
    const to = monthIndex(p.dueDate) - first + 1;
    if (to < 1) throw new EffectiveInterestError(`installment due ${p.dueDate} falls before the issue ${issued}`);
    principal[to] = (principal[to] ?? 0) + p.principal;
    // Two installments in one month share that month; an installment's period is at least its own month.
    const start = Math.min(from, to - 1);
    for (let t = start + 1; t <= to; t++) coupon[t] = (coupon[t] ?? 0) + p.interest / (to - start);
    from = to;
  }
  return { first, months, principal, coupon };
}

/**
 * The 차금 remaining after each month at monthly rate `rate` (index 0 = at issue). `sign` is −1 for a
 * discount (the carrying amount is below the outstanding principal), +1 for a premium.
 */
function remainingAt(rate: number, difference: number, sign: -1 | 1, flows: ReturnType<typeof monthlyFlows>): number[] {
  const remaining = [difference];
  let outstanding = flows.principal.reduce((sum, p) => sum + p, 0);
  let left = difference;
  for (let t = 1; t <= flows.months; t++) {
    const carrying = outstanding + sign * left;
    const effective = carrying * rate;
    const coupon = flows.coupon[t] ?? 0;
    left -= sign === -1 ? effective - coupon : coupon - effective;
    outstanding -= flows.principal[t] ?? 0;
    remaining.push(left);
  }
  return remaining;
}

/**
 * The effective-interest profile of a bond issued on `issued` at `difference` won below (discount) or
 * above (premium) its face, with the register's `schedule`. Throws when no rate between −50% and +100% a
 * month makes the cash flows meet the issue price (a 차금 larger than the bond's whole interest, for a
 * premium, or a schedule without principal).
 */
export function effectiveInterestProfile(input: {
  readonly issued: string;
  readonly direction: 'discount' | 'premium';
  readonly difference: bigint;
  readonly schedule: readonly ScheduledPayment[];
}): EffectiveInterestProfile {
  const flows = monthlyFlows(input.issued, input.schedule);
  if (flows.months < 1 || flows.principal.every((p) => p === 0))
    throw new EffectiveInterestError('the bond has no schedule of principal to find its effective rate from');
  const sign = input.direction === 'discount' ? -1 : 1;
  const difference = Number(input.difference);
  const endOf = (rate: number) => remainingAt(rate, difference, sign, flows).at(-1) ?? 0;
  // Bisection on the 차금 left after the final month: it falls as the rate rises for a discount (more is
  // written off) and rises with the rate for a premium.
  let low = -0.5;
  let high = 1;
  const falling = sign === -1;
  if (endOf(low) > 0 !== falling || endOf(high) > 0 === falling)
    throw new EffectiveInterestError(`no effective rate makes the cash flows meet an issue price ${input.direction} of ${difference}`);
  for (let step = 0; step < 200 && high - low > 1e-17; step++) {
    const middle = (low + high) / 2;
    if (endOf(middle) > 0 === falling) low = middle;
    else high = middle;
  }
  const rate = (low + high) / 2;
  const remaining = remainingAt(rate, difference, sign, flows);
  return {
    monthlyRate: rate,
    writtenOffBy: (month) => {
      const t = month - flows.first + 1;
      if (t <= 0) return 0;
      if (t >= flows.months) return 1;
      return Math.min(Math.max((difference - (remaining[t] ?? 0)) / difference, 0), 1);
    },
  };
}
