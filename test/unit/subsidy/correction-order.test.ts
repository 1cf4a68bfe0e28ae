import { describe, expect, it } from 'vitest';
import { complianceRefusal, correctionOrderRefusal } from '#shared/domain/subsidy/correction-order.ts';
import type { CorrectionOrderInput } from '#shared/domain/subsidy/correction-order.ts';
import { nextGrantDisclosureCut } from '#shared/domain/subsidy/disclosure-cut.ts';
import type { DisclosureCase } from '#shared/domain/subsidy/disclosure-cut.ts';

/** 보조금법 §20의2②; 보조금령 §11의2②④⑤: the written 시정명령, its compliance, and the cut a next grant takes. */
const DUE = '2027-04-30'; // a 2026 grant's 공시: 4 months after year end (영 §11의2②)
const order = (over: Partial<CorrectionOrderInput> = {}): CorrectionOrderInput => ({
  ground: 'not-disclosed',
  content: '2026년 정산보고서와 결산서 공시',
  issuedOn: '2027-05-10',
  complyBy: '2027-06-10',
  ...over,
});
const refusalOf = (over: Partial<CorrectionOrderInput>, orders = [] as { issuedOn: string; complyBy: string; compliedOn?: string }[]) =>
  correctionOrderRefusal({ disclosureDue: DUE, grantAmount: 9_000_000, order: order(over), orders })?.code;

describe('issuing a 시정명령 for the 공시 (영 §11의2②④)', () => {
  it('needs a grant with a 공시 obligation (≥ 500만원, 영 §11의2①)', () => {
    expect(correctionOrderRefusal({ disclosureDue: undefined, grantAmount: 4_999_999, order: order(), orders: [] })).toMatchObject({
      code: 'disclosure-not-required',
      context: { numbers: { grantAmount: 4_999_999, threshold: 5_000_000 } },
    });
  });

  it('orders a 공시 not made only after its day; a false one at any time', () => {
    expect(refusalOf({ issuedOn: DUE, complyBy: '2027-05-30' })).toBe('disclosure-not-yet-due');
    expect(refusalOf({ issuedOn: '2027-05-01', complyBy: '2027-05-30' })).toBeUndefined();
    expect(refusalOf({ ground: 'false-disclosure', issuedOn: '2027-03-02', complyBy: '2027-03-30' })).toBeUndefined();
  });

  it('gives a day to comply after the day of issue', () => {
    expect(refusalOf({ complyBy: '2027-05-10' })).toBe('correction-order-dates');
    expect(refusalOf({ complyBy: '2027-05-11' })).toBeUndefined();
  });

  it('runs one order at a time: the next from the day after the last one’s day, or once it was complied with', () => {
    const first = { issuedOn: '2027-05-10', complyBy: '2027-06-10' };
    expect(refusalOf({ issuedOn: '2027-06-10', complyBy: '2027-07-10' }, [first])).toBe('correction-order-running');
    expect(refusalOf({ issuedOn: '2027-06-11', complyBy: '2027-07-10' }, [first])).toBeUndefined();
    expect(refusalOf({ issuedOn: '2027-06-01', complyBy: '2027-07-10' }, [{ ...first, compliedOn: '2027-05-20' }])).toBeUndefined();
  });

  it('records a compliance once, not before the order', () => {
    const first = { issuedOn: '2027-05-10', complyBy: '2027-06-10' };
    expect(complianceRefusal(first, 1, '2027-05-09')?.code).toBe('correction-order-dates');
    expect(complianceRefusal(first, 1, '2027-07-01')).toBeUndefined(); // late: recorded, still counts
    expect(complianceRefusal({ ...first, compliedOn: '2027-06-01' }, 1, '2027-06-02')?.code).toBe('correction-order-complied');
  });
});

describe('the cut a next grant of the same government takes (영 §11의2⑤)', () => {
  const on = '2027-11-20';
  const unmet = (n: number, applicationId = 'A1', gov = '47110'): DisclosureCase => ({
    gov,
    applicationId,
    year: 2026,
    orders: Array.from({ length: n }, (_, i) => ({ issuedOn: `2027-0${5 + i}-01`, complyBy: `2027-0${5 + i}-20` })),
  });
  const take = (cases: DisclosureCase[], choice: { disclosureCutBp?: number; disclosureCutWaiver?: string }, amount = 9_000_000) =>
    nextGrantDisclosureCut({ gov: '47110', amount, cases, yearGrantOf: (year) => (year === 2026 ? 20_000_000 : 0), on, choice });

  it('is nothing without an unmet order; a rate asked then is refused by the rule', () => {
    expect(take([], {})).toBeUndefined();
    expect(
      take([{ ...unmet(1), orders: [{ issuedOn: '2027-05-01', complyBy: '2027-05-20', compliedOn: '2027-05-19' }] }], {}),
    ).toBeUndefined();
    expect(take([], { disclosureCutBp: 500 })).toMatchObject({ code: 'disclosure-cut-without-order' });
    expect(take([unmet(2, 'A1', '11000')], {})).toBeUndefined(); // another government's orders cut its own grants
  });

  it('asks for a rate or a reason, naming the band and the base', () => {
    expect(take([unmet(2)], {})).toMatchObject({
      code: 'disclosure-cut-undecided',
      context: { numbers: { unmetOrders: 2, minCutBp: 1001, maxCutBp: 2000, disclosedYear: 2026, yearGrantTotal: 20_000_000 } },
    });
  });

  it.each([
    [1, 0, 0],
    [1, 1000, 2_000_000],
    [2, 1001, 2_002_000],
    [2, 2000, 4_000_000],
    [3, 2001, 4_002_000],
  ])('%i unmet at %i bp of the year’s 20,000,000 cuts %i off the next grant', (count, bp, cut) => {
    expect(take([unmet(count)], { disclosureCutBp: bp })).toMatchObject({ cut, cutBp: bp, unmetOrders: count, yearGrantTotal: 20_000_000 });
  });

  it.each([
    [1, 1001],
    [2, 1000],
    [2, 2001],
    [3, 2000],
    [3, 5001],
  ])('%i unmet: %i bp is outside the band', (count, bp) => {
    expect(take([unmet(count)], { disclosureCutBp: bp })).toMatchObject({ code: 'disclosure-cut-outside-band' });
  });

  it('takes the strongest case once for all, or waives with the reason', () => {
    const both = [unmet(1, 'A1'), unmet(3, 'A2')];
    expect(take(both, { disclosureCutBp: 2001 })).toMatchObject({ unmetOrders: 3, taken: both });
    expect(take(both, { disclosureCutWaiver: '재해로 공시 불가(확인)' })).toMatchObject({
      cut: 0,
      waiver: '재해로 공시 불가(확인)',
      taken: both,
    });
  });

  it('leaves some of the grant: a cut of the whole of it is refused', () => {
    expect(take([unmet(3)], { disclosureCutBp: 5000 }, 10_000_000)).toMatchObject({ code: 'disclosure-cut-exceeds-grant' });
    expect(take([unmet(3)], { disclosureCutBp: 5000 }, 10_000_001)).toMatchObject({ cut: 10_000_000 });
  });
});
