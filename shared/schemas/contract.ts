import * as z from 'zod';
import { isBusinessNumber } from '#shared/domain/subsidy/identifiers.ts';
import { fiscalYearNumber, govParams, isoDate, positiveWon, text, won } from '#shared/schemas/common.ts';

/** Ids of contracts and of their documents (changes, 선금 claims, inspections, returns): no "#". */
export const contractId = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'a contract id is 1–64 letters, digits, dots, dashes or underscores');
const documentId = contractId;
const name = (max: number) => text({ min: 1, max });
const businessNumber = z.string().refine(isBusinessNumber, 'not a valid 사업자등록번호');

const contractType = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('single') }),
  z.strictObject({
    kind: z.literal('long-term'),
    rounds: z
      .array(z.strictObject({ round: z.int().min(1).max(99), year: fiscalYearNumber, amount: positiveWon }))
      .min(1)
      .max(30),
  }),
  z.strictObject({
    kind: z.literal('continuing'),
    years: z
      .array(z.strictObject({ year: fiscalYearNumber, amount: positiveWon }))
      .min(1)
      .max(10),
  }),
  z.strictObject({
    kind: z.literal('unit-price'),
    unitPrices: z
      .array(z.strictObject({ item: name(200), unit: name(20), price: positiveWon }))
      .min(1)
      .max(200),
  }),
]);

export const registerContractBody = z.strictObject({
  contractId,
  purpose: name(300),
  method: z.enum(['general-bid', 'restricted-bid', 'designated-bid', 'negotiated']).describe('계약방법 (지방계약법 §9)'),
  nature: z.enum(['works', 'manufacturing', 'service', 'goods', 'other']).describe('공사·제조·용역 (선금 회계령 §44①13), 물품, 그 밖'),
  counterparty: z.strictObject({
    name: name(200),
    businessNumber,
    representative: name(100),
    account: z.strictObject({ bank: name(50), number: z.string().regex(/^[0-9-]{6,30}$/), holder: name(100) }),
  }),
  amount: positiveWon.describe('계약금액 (장기계속: 총공사금액; 단가계약: 추정총액)'),
  signedOn: isoDate,
  period: z.strictObject({ start: isoDate, end: isoDate }),
  type: contractType,
  joint: z
    .strictObject({
      method: z.enum(['joint', 'split']),
      members: z
        .array(z.strictObject({ name: name(200), businessNumber, shareBp: z.int().min(1).max(10_000) }))
        .min(2)
        .max(10),
    })
    .optional()
    .describe('공동계약 (지방계약법 §29): members and shares in basis points'),
  guarantees: z.strictObject({
    performance: z.strictObject({ amount: won, form: z.enum(['cash', 'guarantee-bond', 'securities', 'exempt']) }).optional(),
    defect: z
      .strictObject({ rateBp: z.int().min(0).max(10_000), years: z.int().min(1).max(10) })
      .optional()
      .describe('하자보수보증금 rate and 하자담보책임기간 in years (지방계약법 §20, §21)'),
  }),
});

export const contractParams = govParams.extend({ contractId });

export const contractChangeBody = z.strictObject({
  changeId: documentId,
  date: isoDate,
  reason: z.enum(['price-fluctuation', 'design-change', 'other']).describe('지방계약법 §22'),
  amount: positiveWon.describe('the contract amount after the change'),
  type: contractType.optional().describe('the 차수 or 연부액 schedule after the change'),
  note: name(500),
});

export const advanceClaimBody = z.strictObject({
  advanceId: documentId,
  claimedOn: isoDate,
  amount: positiveWon,
  case: z.int().min(1).max(99).default(13).describe('the 호 of 회계령 §44① (13: 공사·제조·용역 계약)'),
  headDecision: z
    .strictObject({ reference: name(100), date: isoDate })
    .optional()
    .describe("over 70%: the head's decision (회계령 §44①13)"),
});

export const inspectionBody = z.strictObject({
  inspectionId: documentId,
  kind: z.enum(['progress', 'completion']).describe('기성검사 or 준공검사 (지방계약법 §17)'),
  inspectedOn: isoDate,
  inspector: name(100),
  value: positiveWon.describe('the value accepted by this inspection (기성금액 or the final part)'),
});

export const advanceReturnBody = z.strictObject({
  returnId: documentId,
  date: isoDate,
  amount: positiveWon,
  reference: name(100).describe('the 반납 as the treasury bank confirmed it'),
});

export const defectDepositBody = z.strictObject({
  depositRef: name(100).describe('the 세입세출외현금 deposit (하자보수보증금) that holds the guarantee'),
});

const inspection = z.object({
  inspectionId: z.string(),
  kind: z.enum(['progress', 'completion']),
  inspectedOn: z.string(),
  inspector: z.string(),
  value: won,
  netted: won,
  payable: won,
  orderId: z.string().optional(),
});

export const contractView = registerContractBody.extend({
  gov: z.string(),
  amount: won,
  guarantees: z.object({
    performance: z.object({ amount: won, form: z.string() }).optional(),
    defect: z.object({ rateBp: z.int(), years: z.int(), depositRef: z.string().optional() }).optional(),
  }),
  changes: z.array(
    z.object({ changeId: z.string(), date: z.string(), reason: z.string(), amountBefore: won, amountAfter: won, note: z.string() }),
  ),
  advances: z.array(advanceClaimBody.extend({ orderId: z.string().optional() })),
  inspections: z.array(inspection),
  advanceReturns: z.array(advanceReturnBody),
  completion: z.object({ completedOn: z.string(), defectUntil: z.string().optional() }).optional(),
  advance: z
    .object({ claimed: won, ordered: won, paid: won, netted: won, returned: won, unnetted: won })
    .describe(
      '선금: claimed, ordered (지급명령 accepted), paid (confirmed by the treasury bank), netted against 검사, returned (반납); unnetted = paid − netted − returned, must reach 0 at 준공',
    ),
  revision: z.int(),
});

export const contractList = z.object({ contracts: z.array(contractView) });

/** The 선금 or inspection a payment order on a contract pays (지방계약법 §18①). */
export const contractBasis = z
  .union([z.strictObject({ contractId, advanceId: documentId }), z.strictObject({ contractId, inspectionId: documentId })])
  .optional()
  .describe('on a contract: the 선금 claim or the inspection (검사) this order pays');
