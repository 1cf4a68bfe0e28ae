import { describe, expect, it } from 'vitest';
import { disclosureCut, disclosureCutBand, unmetOrders } from '#shared/domain/subsidy/disclosure-cut.ts';
import type { CorrectionOrder } from '#shared/domain/subsidy/disclosure-cut.ts';

/** 보조금법 §20의2②; 보조금령 §11의2④⑤: the 공시 cut by the count of 시정명령 not complied with. */
const order = (complyBy: string, compliedOn?: string): CorrectionOrder => ({ issuedOn: '2027-05-10', complyBy, compliedOn });
const unmet = (n: number) => Array.from({ length: n }, (_, i) => order(`2027-0${6 + i}-30`));
const on = '2027-11-30';
const TOTAL = 12_345_678;

describe('the bands of 보조금령 §11의2⑤', () => {
  it.each([
    [0, undefined],
    [1, [0, 1000]],
    [2, [1001, 2000]],
    [3, [2001, 5000]],
    [7, [2001, 5000]],
  ])('%i 시정명령 not complied with → %j bp', (count, band) => {
    const found = disclosureCutBand(count);
    expect(found ? [found.minCutBp, found.maxCutBp] : undefined).toEqual(band);
  });
});

describe('which orders count (영 §11의2④: each has its day)', () => {
  it('counts an order once its day passed unmet or met late; not one still running or met in time', () => {
    expect(unmetOrders([order('2027-11-30')], on)).toBe(0); // due today: still running
    expect(unmetOrders([order('2027-11-29')], on)).toBe(1);
    expect(unmetOrders([order('2027-06-30', '2027-06-30')], on)).toBe(0);
    expect(unmetOrders([order('2027-06-30', '2027-07-01')], on)).toBe(1);
  });
});

describe('disclosureCut', () => {
  it('refuses a cut before any order passed its day unmet: the order comes first', () => {
    expect(disclosureCut({ yearGrantTotal: TOTAL, orders: [order('2027-12-31')], on, cutBp: 500 })).toMatchObject({
      code: 'disclosure-cut-without-order',
      context: { numbers: { unmetOrders: 0, ordersIssued: 1 } },
    });
  });

  it.each([
    [1, 1000, 1_234_567],
    [1, 0, 0],
    [2, 1001, 1_235_802],
    [2, 2000, 2_469_135],
    [3, 2001, 2_470_370],
    [3, 5000, 6_172_839],
  ])('%i unmet, %i bp of 12,345,678 → %i won (rounded down)', (count, cutBp, cut) => {
    expect(disclosureCut({ yearGrantTotal: TOTAL, orders: unmet(count), on, cutBp })).toMatchObject({
      cut,
      cutBp,
      unmetOrders: count,
      article: '보조금법 §20의2②; 보조금령 §11의2④⑤',
    });
  });

  it.each([
    [1, 1001],
    [2, 1000],
    [2, 2001],
    [3, 2000],
    [4, 5001],
  ])('%i unmet: %i bp is outside the band', (count, cutBp) => {
    expect(disclosureCut({ yearGrantTotal: TOTAL, orders: unmet(count), on, cutBp })).toMatchObject({
      code: 'disclosure-cut-outside-band',
      context: { requested: cutBp },
    });
  });
});
