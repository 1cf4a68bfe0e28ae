import { describe, expect, it } from 'vitest';
import { preEstablishedReversalRefusal } from '#shared/domain/budget/pre-established-reversal.ts';
import type { PreEstablishedLine } from '#shared/domain/budget/pre-established-reversal.ts';

const granted = 2_000_000;
const line = (overrides: Partial<PreEstablishedLine> = {}): PreEstablishedLine => ({
  lineId: 'E.GEN.P02.U03.D013.307-02',
  budget: granted,
  preEstablished: granted,
  allotted: 0,
  committed: 0,
  paid: 0,
  ...overrides,
});
const revenue = (overrides: Partial<PreEstablishedLine> = {}): PreEstablishedLine =>
  line({ lineId: 'R.GEN.5.NATSUB', assessed: 0, received: 0, ...overrides });

describe('reversing a 성립전예산 (지방재정법 §45)', () => {
  it('is allowed while nothing rests on either line', () => {
    expect(preEstablishedReversalRefusal([line(), revenue()], granted)).toBeUndefined();
  });

  it.each<[string, PreEstablishedLine[], string, Record<string, unknown>]>([
    ['allotted', [line({ allotted: 1 }), revenue()], 'pre-established-in-use', { allotted: 1 }],
    ['committed', [line({ allotted: 5, committed: 5 }), revenue()], 'pre-established-in-use', { committed: 5 }],
    ['recoded onto', [line({ recodedNet: 3 }), revenue()], 'pre-established-in-use', { recodedNet: 3 }],
    ['assessed on the 세입 line', [line(), revenue({ assessed: 7 })], 'pre-established-in-use', { lineId: 'R.GEN.5.NATSUB', assessed: 7 }],
    ['received on the 세입 line', [line(), revenue({ received: 7 })], 'pre-established-in-use', { received: 7 }],
    ['moved by a 전용', [line({ budget: granted + 10 }), revenue()], 'pre-established-in-use', { budget: granted + 10, granted }],
    ['holding a posting accepted, not yet applied', [line(), revenue({ pending: 1 })], 'pre-established-in-use', { pending: 1 }],
    ['allotted then reversed (records name it)', [line({ allotments: 2 }), revenue()], 'pre-established-in-use', { allotments: 2 }],
    ['included in a 추경', [line({ preEstablished: 0 }), revenue()], 'pre-established-included', { basis: '지방재정법 §45' }],
  ])('is refused once the line is %s', (_case, lines, code, context) => {
    expect(preEstablishedReversalRefusal(lines, granted)).toMatchObject({ code, kind: 'unprocessable', context });
  });
});
