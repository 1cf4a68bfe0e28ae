import { beforeAll, describe, expect, it } from 'vitest';
import * as contracts from '#shared/routes/contract.ts';
import * as execution from '#shared/routes/execution.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';
import { callers, drainPostings, GOV, readLine, seedCash, seedLine, YEAR } from '#test/integration/execution/support.ts';

await useTestStack();

/**
 * The scripted works contract of the README ("A works contract through the payment desk"): a 60%
 * 선금, two 기성 payments netting it in proportion, and the 준공 netting the rest, every payment through
 * the posting pipeline with its contract basis.
 */
const inspector: TestCaller = { sub: 'dept-inspector', roles: ['department_official'], gov: GOV };
const contractId = 'C2026-WORKS-01';
const line = 'library-renovation';
const works = {
  contractId,
  purpose: '구립도서관 리모델링 공사',
  method: 'general-bid',
  nature: 'works',
  counterparty: {
    name: '(주)가나건설',
    businessNumber: '1234567891',
    representative: '김건설',
    account: { bank: '국민은행', number: '123-456-7890', holder: '(주)가나건설' },
  },
  amount: 100_000_000,
  signedOn: '2026-03-02',
  period: { start: '2026-03-03', end: '2026-10-31' },
  type: { kind: 'single' },
  guarantees: { performance: { amount: 10_000_000, form: 'guarantee-bond' }, defect: { rateBp: 300, years: 2 } },
};

let keys = 0;
const post = (route: (typeof execution)[keyof typeof execution], caller: TestCaller, params: object, body: object) =>
  callRoute(route, {
    caller,
    params: { gov: GOV, year: YEAR, ...params },
    body,
    headers: { 'Idempotency-Key': `works-month-${++keys}` },
  });
const contractCall = (route: (typeof contracts)[keyof typeof contracts], caller: TestCaller, body?: object) =>
  callRoute(route, {
    caller,
    params: route.path.includes('{contractId}') ? { gov: GOV, contractId } : { gov: GOV },
    ...(body ? { body } : {}),
  });
const contract = async () => (await contractCall(contracts.getContract, callers.financeOfficer)).body;
const status = async (postingId: string) =>
  (await callRoute(execution.getPosting, { caller: callers.financeOfficer, params: { gov: GOV, postingId } })).body;

/** 지출결의 → 지급명령 (with its contract basis) → 지급, drained; answers the order's id. */
async function pay(commitmentId: string, amount: number, date: string, contractBasis: object): Promise<string> {
  const resolution = await post(execution.resolvePayment, callers.financeOfficer, { commitmentId }, { amount, date });
  expect(resolution.status, JSON.stringify(resolution.body)).toBe(202);
  const order = await post(
    execution.orderPayment,
    callers.disbursingOfficer,
    { resolutionId: resolution.body.postingId },
    { amount, date, contractBasis },
  );
  expect(order.status, JSON.stringify(order.body)).toBe(202);
  const paid = await post(
    execution.confirmPayment,
    callers.bank,
    { orderId: order.body.postingId },
    { date, bankReference: `BANK-${date}` },
  );
  expect(paid.status).toBe(202);
  await drainPostings();
  expect((await status(paid.body.postingId)).status).toBe('applied');
  return order.body.postingId;
}

let commitmentId = '';

beforeAll(async () => {
  await seedLine({ lineId: line, allotted: 150_000_000, itemCode: '201-01' });
  for (const month of ['03', '04', '05', '06', '07', '08', '09', '10', '11']) await seedCash(`${YEAR}-${month}`, 100_000_000);
});

describe('a works contract through the payment desk', () => {
  it("registers the contract and commits exactly this year's contract amount", async () => {
    const registered = await contractCall(contracts.registerContract, callers.financeOfficer, works);
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    expect(registered.body.advance).toEqual({ claimed: 0, ordered: 0, paid: 0, netted: 0, returned: 0, unnetted: 0 });
    expect((await contractCall(contracts.registerContract, callers.financeOfficer, works)).body.code).toBe('contract-exists');

    const commitment = { lineId: line, counterparty: '1234567891', contractRef: contractId, contractId, date: '2026-03-02' };
    const short = await post(execution.createCommitment, callers.financeOfficer, {}, { ...commitment, amount: 90_000_000 });
    expect(short.status).toBe(422);
    expect(short.body).toMatchObject({ code: 'commitment-not-contract-amount', context: { contractYearAmount: 100_000_000 } });
    const unknown = await post(execution.createCommitment, callers.financeOfficer, {}, { ...commitment, contractId: 'NO-SUCH', amount: 1 });
    expect(unknown.body.code).toBe('contract-not-found');
    const committed = await post(execution.createCommitment, callers.financeOfficer, {}, { ...commitment, amount: 100_000_000 });
    expect(committed.status, JSON.stringify(committed.body)).toBe(202);
    commitmentId = committed.body.postingId;
    await drainPostings();
    expect((await status(commitmentId)).status).toBe('applied');
  });

  it('pays a 60% 선금 once, on its claim, and refuses 선금 beyond 70%', async () => {
    const claimed = await contractCall(contracts.claimContractAdvance, callers.financeOfficer, {
      advanceId: 'ADV-1',
      claimedOn: '2026-03-05',
      amount: 60_000_000,
    });
    expect(claimed.status, JSON.stringify(claimed.body)).toBe(201);
    const over = await contractCall(contracts.claimContractAdvance, callers.financeOfficer, {
      advanceId: 'ADV-2',
      claimedOn: '2026-03-06',
      amount: 10_000_001,
    });
    expect(over.status).toBe(422);
    expect(over.body).toMatchObject({ code: 'advance-over-limit', context: { limit: 70_000_000, claimed: 70_000_001 } });

    // A payment order on the contract's commitment names its basis.
    const resolution = await post(
      execution.resolvePayment,
      callers.financeOfficer,
      { commitmentId },
      { amount: 60_000_000, date: '2026-03-10' },
    );
    const bare = await post(
      execution.orderPayment,
      callers.disbursingOfficer,
      { resolutionId: resolution.body.postingId },
      {
        amount: 60_000_000,
        date: '2026-03-10',
      },
    );
    expect(bare.body.code).toBe('contract-payment-basis-required');
    const order = await post(
      execution.orderPayment,
      callers.disbursingOfficer,
      { resolutionId: resolution.body.postingId },
      {
        amount: 60_000_000,
        date: '2026-03-10',
        contractBasis: { contractId, advanceId: 'ADV-1' },
      },
    );
    expect(order.status, JSON.stringify(order.body)).toBe(202);
    const again = await post(
      execution.orderPayment,
      callers.disbursingOfficer,
      { resolutionId: resolution.body.postingId },
      {
        amount: 60_000_000,
        date: '2026-03-10',
        contractBasis: { contractId, advanceId: 'ADV-1' },
      },
    );
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('contract-basis-ordered');
    await drainPostings();
    // The order is applied but the bank has not paid: the 선금 is ordered, not paid, and nothing can be netted yet.
    expect((await contract()).advance).toEqual({ claimed: 60_000_000, ordered: 60_000_000, paid: 0, netted: 0, returned: 0, unnetted: 0 });
    await post(
      execution.confirmPayment,
      callers.bank,
      { orderId: order.body.postingId },
      { date: '2026-03-11', bankReference: 'BANK-ADV-1' },
    );
    await drainPostings();
    expect((await contract()).advance).toEqual({
      claimed: 60_000_000,
      ordered: 60_000_000,
      paid: 60_000_000,
      netted: 0,
      returned: 0,
      unnetted: 60_000_000,
    });
  });

  it('nets the 선금 against two 기성 payments in proportion', async () => {
    const first = await contractCall(contracts.recordContractInspection, inspector, {
      inspectionId: 'GS-1',
      kind: 'progress',
      inspectedOn: '2026-05-29',
      inspector: '이검사',
      value: 30_000_000,
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.inspections[0]).toMatchObject({ value: 30_000_000, netted: 18_000_000, payable: 12_000_000 });
    const resolution = await post(
      execution.resolvePayment,
      callers.financeOfficer,
      { commitmentId },
      { amount: 12_000_000, date: '2026-06-01' },
    );
    const gross = await post(
      execution.orderPayment,
      callers.disbursingOfficer,
      { resolutionId: resolution.body.postingId },
      {
        amount: 30_000_000,
        date: '2026-06-01',
        contractBasis: { contractId, inspectionId: 'GS-1' },
      },
    );
    expect(gross.body).toMatchObject({ code: 'contract-payment-amount', context: { payable: 12_000_000 } });
    const net = await post(
      execution.orderPayment,
      callers.disbursingOfficer,
      { resolutionId: resolution.body.postingId },
      {
        amount: 12_000_000,
        date: '2026-06-01',
        contractBasis: { contractId, inspectionId: 'GS-1' },
      },
    );
    expect(net.status, JSON.stringify(net.body)).toBe(202);
    await post(execution.confirmPayment, callers.bank, { orderId: net.body.postingId }, { date: '2026-06-02', bankReference: 'BANK-GS-1' });
    await drainPostings();

    const second = await contractCall(contracts.recordContractInspection, inspector, {
      inspectionId: 'GS-2',
      kind: 'progress',
      inspectedOn: '2026-08-31',
      inspector: '이검사',
      value: 40_000_000,
    });
    expect(second.body.inspections[1]).toMatchObject({ netted: 24_000_000, payable: 16_000_000 });
    await pay(commitmentId, 16_000_000, '2026-09-01', { contractId, inspectionId: 'GS-2' });
    expect((await contract()).advance).toMatchObject({ netted: 42_000_000, unnetted: 18_000_000 });
  });

  it('refuses a 준공 that leaves 선금 unnetted, completes on one that nets it, and names the 하자보수보증금 deposit', async () => {
    const short = await contractCall(contracts.recordContractInspection, inspector, {
      inspectionId: 'FINAL-SHORT',
      kind: 'completion',
      inspectedOn: '2026-10-30',
      inspector: '이검사',
      value: 10_000_000,
    });
    expect(short.status).toBe(422);
    expect(short.body).toMatchObject({ code: 'advance-unnetted-at-completion', context: { unnetted: 18_000_000, toReturn: 8_000_000 } });

    const final = await contractCall(contracts.recordContractInspection, inspector, {
      inspectionId: 'FINAL',
      kind: 'completion',
      inspectedOn: '2026-10-30',
      inspector: '이검사',
      value: 30_000_000,
    });
    expect(final.status, JSON.stringify(final.body)).toBe(201);
    expect(final.body.inspections[2]).toMatchObject({ netted: 18_000_000, payable: 12_000_000 });
    expect(final.body.completion).toEqual({ completedOn: '2026-10-30', defectUntil: '2028-10-30' });
    await pay(commitmentId, 12_000_000, '2026-11-02', { contractId, inspectionId: 'FINAL' });

    const after = await contract();
    expect(after.advance).toEqual({
      claimed: 60_000_000,
      ordered: 60_000_000,
      paid: 60_000_000,
      netted: 60_000_000,
      returned: 0,
      unnetted: 0,
    });
    expect(after.inspections.map((i: { orderId?: string }) => i.orderId !== undefined)).toEqual([true, true, true]);
    const listed = await callRoute(contracts.listContracts, { caller: callers.ministry, params: { gov: GOV } });
    expect(listed.body.contracts.find((c: { contractId: string }) => c.contractId === contractId).advance).toEqual(after.advance);
    expect(await readLine(line)).toMatchObject({ committed: 100_000_000, ordered: 100_000_000, paid: 100_000_000 });
    const closed = await contractCall(contracts.claimContractAdvance, callers.financeOfficer, {
      advanceId: 'ADV-9',
      claimedOn: '2026-11-03',
      amount: 1,
    });
    expect(closed.body.code).toBe('contract-completed');

    // The deposit itself is a 세입세출외현금 entry made on the other side of the desk; the contract names it
    // only once it was received and holds the 3% of 100,000,000 the contract asks for.
    const name = () => contractCall(contracts.recordContractDefectDeposit, callers.financeOfficer, { depositRef: 'SWO-2026-0042' });
    expect((await name()).body).toMatchObject({ status: 404, code: 'defect-deposit-not-found' });
    const receive = async (amount: number) => {
      const answer = await post(
        execution.depositCustody,
        callers.bank,
        { custodyId: 'SWO-2026-0042' },
        {
          amount,
          date: '2026-10-30',
          fund: 'general',
          guaranteeKind: 'defect-guarantee',
          depositor: '1234567891',
          contractId,
          condition: '하자담보책임기간 2년 경과 후 반환',
        },
      );
      expect(answer.status, JSON.stringify(answer.body)).toBe(202);
      await drainPostings();
      expect((await status(answer.body.postingId)).status).toBe('applied');
    };
    await receive(2_999_999);
    expect((await name()).body).toMatchObject({
      status: 422,
      code: 'defect-deposit-short',
      context: { balance: 2_999_999, required: 3_000_000 },
    });
    await receive(1);
    const deposit = await name();
    expect(deposit.status).toBe(201);
    expect(deposit.body.guarantees.defect).toEqual({ rateBp: 300, years: 2, depositRef: 'SWO-2026-0042' });
  });
});
