import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPostings } from '#shared/application/execution/apply-postings.ts';
import { planAgainstBooks } from '#shared/application/execution/plan-against-books.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { PostingCommand, PostingMessage } from '#shared/domain/execution/posting.ts';
import { lineControlKey, programControlKey } from '#shared/stores/budget/control-keys.ts';
import { documentKey } from '#shared/stores/execution/posting-keys.ts';
import { batchActions, writeActions } from '#shared/stores/execution/posting-batch-write.ts';
import { setClock } from '#test/support/clock.ts';
import { useTestStack } from '#test/support/stack.ts';
import { FUND, GOV, postingMessage } from '#test/integration/execution/support.ts';
import { seedProgramUnspent, seedYearLine } from '#test/integration/year-boundary/support.ts';

/**
 * The caps of 과년도 지출 and 과년도 수입 are judged by the rule on the state it read, and kept by the
 * write's condition (issue #15): two postings on different lines of the new year (different FIFO
 * message groups, so different consumer batches) are planned on the same state, both pass the rule,
 * the first is written, the second's write is refused by its condition, and planning it again
 * rejects it with the rule and the numbers.
 */
let restore: () => void = () => undefined;
const ACCEPTED_2027 = '2027-03-05T01:00:00.000Z';

/** A posting of `year` as the API accepted it at `receivedAt` (the year windows judge that moment). */
function message(year: number, lineId: string, command: PostingCommand, receivedAt: string): PostingMessage {
  const m = postingMessage(GOV, lineId, command);
  return { ...m, year, actor: { ...m.actor, receivedAt } };
}

async function apply(m: PostingMessage): Promise<string> {
  const { outcomes } = await applyPostings([m]);
  expect(outcomes[0], JSON.stringify(outcomes[0])).toMatchObject({ status: 'applied' });
  return m.postingId;
}

const read = async (key: { pk: string; sk: string }) =>
  (await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }))).Item ?? {};

/** Plans both postings on the same books, writes the first, then the second's write; answers whether it was refused by its condition. */
async function race(first: PostingMessage, second: PostingMessage): Promise<{ secondWritten: boolean }> {
  const [planA, planB] = [await planAgainstBooks([first]), await planAgainstBooks([second])];
  expect(planA.outcomes[0]?.status).toBe('applied');
  expect(planB.outcomes[0]?.status).toBe('applied');
  expect((await writeActions(batchActions(planA, ACCEPTED_2027))).ok).toBe(true);
  return { secondWritten: (await writeActions(batchActions(planB, ACCEPTED_2027))).ok };
}

const ids = { c1: '', c2: '', c3: '', c4: '', c5: '', a1: '' };
/** Two lines of 2026 in one 정책사업 (P01 of the general 회계), each with its whole 예산현액 committed. */
const P01 = { a: `E.${FUND}.P01.U01.D001.201-01`, b: `E.${FUND}.P01.U02.D002.201-01`, program: `${FUND}.P01` };
const at2026 = '2026-12-10T01:00:00.000Z';

beforeAll(async () => {
  await useTestStack();
  restore = setClock('2026-12-10T10:00:00+09:00');
  // E1 of 2026: budget 300,000 of which 150,000 carried over (명시이월): 불용액 300,000 − 0 − 150,000 = 150,000.
  await seedYearLine(2026, { lineId: 'E1', budget: 300_000 });
  await dynamoClient().send(
    new PutCommand({ TableName: tableName(), Item: { ...(await read(lineControlKey(GOV, 2026, 'E1'))), carriedOver: 150_000 } }),
  );
  // E9 of 2026: 1,000,000 with nothing carried (its 불용액 never binds here).
  await seedYearLine(2026, { lineId: 'E9', budget: 1_000_000 });
  await seedYearLine(2026, { lineId: 'R1', kind: 'revenue', budget: 500_000 });
  for (const lineId of [P01.a, P01.b]) await seedYearLine(2026, { lineId, budget: 100_000 });
  // What the 2026 year-end closing records (program-unspent.ts): E1 150,000 as above, E9 1,000,000,
  // and P01 150,000 (as if its other lines had left it: its two lines here leave none of their own).
  await seedProgramUnspent(2026, 'E1', 150_000);
  await seedProgramUnspent(2026, 'E9', 1_000_000);
  await seedProgramUnspent(2026, P01.program, 150_000);
  for (const lineId of ['N1', 'N2']) await seedYearLine(2027, { lineId, budget: 1_000_000 });
  for (const lineId of ['R2', 'R3']) await seedYearLine(2027, { lineId, kind: 'revenue', budget: 500_000 });

  const commitAndResolve = async (lineId: string, amount: number) => {
    const c = await apply(
      message(2026, lineId, { kind: 'commit', lineId, amount, counterparty: '111-11-11111', contractRef: 'C', date: '2026-12-01' }, at2026),
    );
    await apply(message(2026, lineId, { kind: 'resolve', commitmentId: c, amount, date: '2026-12-02' }, at2026));
    return c;
  };
  ids.c1 = await commitAndResolve('E1', 100_000);
  ids.c2 = await commitAndResolve('E1', 100_000);
  ids.c3 = await commitAndResolve('E9', 100_000);
  ids.c4 = await commitAndResolve(P01.a, 100_000);
  ids.c5 = await commitAndResolve(P01.b, 100_000);
  ids.a1 = await apply(
    message(
      2026,
      'R1',
      { kind: 'assess', lineId: 'R1', amount: 100_000, payer: '홍길동', dueDate: '2026-12-31', date: '2026-12-03' },
      at2026,
    ),
  );
  restore();
  restore = setClock('2027-03-05T10:00:00+09:00');
});
afterAll(() => restore());

describe('caps of the 과년도 postings hold against concurrent batches', () => {
  it('과년도 지출: two commitments of one line cannot both take its 불용액 (지방회계법 제37조)', async () => {
    const prior = (commitmentId: string, lineId: string) =>
      message(2027, lineId, { kind: 'prior-year-commit', commitmentId, lineId, amount: 100_000, date: '2027-03-02' }, ACCEPTED_2027);
    const second = prior(ids.c2, 'N2');
    // Each alone fits the 150,000; together 200,000 would not.
    expect(await race(prior(ids.c1, 'N1'), second)).toEqual({ secondWritten: false });
    const { outcomes } = await applyPostings([second]);
    expect(outcomes[0]).toMatchObject({
      status: 'rejected',
      refusal: { code: 'prior-year-exceeds-unspent', context: { unspent: 50_000, requested: 100_000, paidLater: 100_000 } },
    });
    expect(await read(lineControlKey(GOV, 2026, 'E1'))).toMatchObject({ paidLater: 100_000 });
  });

  it('과년도 지출: commitments of two lines of one 정책사업 cannot both take its 불용액 (the cap is per 정책사업)', async () => {
    const prior = (commitmentId: string, lineId: string) =>
      message(2027, lineId, { kind: 'prior-year-commit', commitmentId, lineId, amount: 100_000, date: '2027-03-02' }, ACCEPTED_2027);
    // Different origin lines and different lines of 2027: only the 정책사업's item is shared. Each alone
    // fits its 150,000; together 200,000 would not.
    const second = prior(ids.c5, 'N2');
    expect(await race(prior(ids.c4, 'N1'), second)).toEqual({ secondWritten: false });
    const { outcomes } = await applyPostings([second]);
    expect(outcomes[0]).toMatchObject({
      status: 'rejected',
      refusal: {
        code: 'prior-year-exceeds-unspent',
        context: { program: P01.program, recordedUnspent: 150_000, paidLater: 100_000, unspent: 50_000, requested: 100_000 },
      },
    });
    expect(await read(programControlKey(GOV, 2026, FUND, P01.program))).toMatchObject({ unspent: 150_000, paidLater: 100_000 });
    // Within what is left it applies: 50,000 of C5's fixed debt, and the 정책사업's 불용액 is used up.
    const rest = message(
      2027,
      'N2',
      { kind: 'prior-year-commit', commitmentId: ids.c5, lineId: 'N2', amount: 50_000, date: '2027-03-02' },
      ACCEPTED_2027,
    );
    await apply(rest);
    expect(await read(programControlKey(GOV, 2026, FUND, P01.program))).toMatchObject({ paidLater: 150_000 });
  });

  it('과년도 지출: one commitment’s fixed debt is paid once across two lines', async () => {
    const prior = (lineId: string) =>
      message(2027, lineId, { kind: 'prior-year-commit', commitmentId: ids.c3, lineId, amount: 60_000, date: '2027-03-02' }, ACCEPTED_2027);
    const second = prior('N2');
    // Resolved 100,000 and unpaid: 60,000 fits, 60,000 + 60,000 does not.
    expect(await race(prior('N1'), second)).toEqual({ secondWritten: false });
    const { outcomes } = await applyPostings([second]);
    expect(outcomes[0]).toMatchObject({
      status: 'rejected',
      refusal: { code: 'prior-year-exceeds-fixed-debt', context: { fixedUnpaid: 40_000, requested: 60_000 } },
    });
    expect(await read(documentKey(GOV, ids.c3))).toMatchObject({ paidLater: 60_000 });
  });

  it('과년도 수입 and 불납결손 on two lines cannot both take the same outstanding (지방회계법 제27조제1항)', async () => {
    const receipt = message(
      2027,
      'R2',
      { kind: 'prior-year-receive', assessmentId: ids.a1, lineId: 'R2', amount: 60_000, date: '2027-03-02' },
      ACCEPTED_2027,
    );
    const writeOff = message(
      2027,
      'R3',
      { kind: 'write-off', assessmentId: ids.a1, amount: 60_000, ground: 'prescription', lineId: 'R3', date: '2027-03-02' },
      ACCEPTED_2027,
    );
    // Outstanding 100,000: each 60,000 alone fits, together 120,000 does not.
    expect(await race(receipt, writeOff)).toEqual({ secondWritten: false });
    const { outcomes } = await applyPostings([writeOff]);
    expect(outcomes[0]).toMatchObject({
      status: 'rejected',
      refusal: { code: 'write-off-exceeds-outstanding', context: { outstanding: 40_000, requested: 60_000 } },
    });
    // And the other way round: a second receipt against what is left (40,000) races a write-off of it.
    const rest = (kind: 'prior-year-receive' | 'write-off', lineId: string) =>
      message(
        2027,
        lineId,
        kind === 'write-off'
          ? { kind, assessmentId: ids.a1, amount: 40_000, ground: 'prescription', lineId, date: '2027-03-03' }
          : { kind, assessmentId: ids.a1, lineId, amount: 40_000, date: '2027-03-03' },
        ACCEPTED_2027,
      );
    const lateReceipt = rest('prior-year-receive', 'R2');
    expect(await race(rest('write-off', 'R3'), lateReceipt)).toEqual({ secondWritten: false });
    expect((await applyPostings([lateReceipt])).outcomes[0]).toMatchObject({
      status: 'rejected',
      refusal: { code: 'prior-year-receipt-exceeds-outstanding', context: { outstanding: 0 } },
    });
    expect(await read(documentKey(GOV, ids.a1))).toMatchObject({ amount: 100_000, received: 60_000, writtenOff: 40_000 });
  });
});
