import { beforeAll, describe, expect, it } from 'vitest';
import { useTestStack } from '#test/support/stack.ts';
import { planAgainstBooks } from '#shared/application/execution/plan-against-books.ts';
import { systemRequest } from '#shared/application/settlement/system-request.ts';
import { fencedDates, periodOf } from '#shared/domain/settlement/periods.ts';
import type { ClosingKind } from '#shared/domain/settlement/periods.ts';
import { batchActions, writeActions } from '#shared/stores/execution/posting-batch-write.ts';
import { closePeriod, reopenPeriod } from '#shared/stores/settlement/close-markers.ts';
import { GOV, postingMessage, readItems, readLine, seedLine, YEAR } from '#test/integration/execution/support.ts';

await useTestStack();

/**
 * Issue #21: a batch checks ONE closed-period fence per government and date instead of the day's,
 * month's and year's markers. The fence must stop a posting planned before a closing froze its
 * date (the race the markers' checks closed), for each kind of closing, and open again when the
 * closing is reopened, unless another closing still covers the date.
 */
const LINE = 'fence-line';
const request = (id: string) => systemRequest(id, new Date('2026-11-30T00:00:00Z'));
const job = (kind: ClosingKind, id: string) => ({ gov: GOV, period: periodOf(kind, id) });

/** A commitment dated `date`, planned now (it would apply), written later. */
async function plannedCommitment(date: string) {
  const message = postingMessage(
    GOV,
    LINE,
    { kind: 'commit', lineId: LINE, amount: 1_000, counterparty: 'c', contractRef: 'r', date },
    'fo',
  );
  const plan = await planAgainstBooks([message]);
  expect(plan.outcomes.map((outcome) => outcome.status)).toEqual(['applied']);
  expect(plan.closingChecks).toEqual([{ gov: GOV, year: YEAR, date }]);
  return { write: () => writeActions(batchActions(plan, new Date().toISOString())) };
}

describe('closed-period fence: one check per government and date', () => {
  beforeAll(() => seedLine({ lineId: LINE, allotted: 10_000_000 }));

  it('a daily closing between planning and writing makes the write lose its race; reopening lets it through', async () => {
    const posting = await plannedCommitment('2026-06-03');
    expect(await closePeriod(job('daily', '2026-06-03'), request('close-day'))).toBe('closed');
    expect(await posting.write()).toEqual({ ok: false });
    await reopenPeriod(job('daily', '2026-06-03'), request('reopen-day'), 'test');
    expect(await posting.write()).toMatchObject({ ok: true });
  });

  it('a monthly closing fences every day of its month; a day closed inside it stays fenced when the month reopens', async () => {
    expect(await closePeriod(job('daily', '2026-07-10'), request('close-day-in-month'))).toBe('closed');
    const inside = await plannedCommitment('2026-07-20');
    expect(await closePeriod(job('monthly', '2026-07'), request('close-month'))).toBe('closed');
    expect(await inside.write()).toEqual({ ok: false });
    await reopenPeriod(job('monthly', '2026-07'), request('reopen-month'), 'test');
    expect(await inside.write()).toMatchObject({ ok: true });
    const fences = await readItems(`CLOSE#${GOV}#${YEAR}`, 'FENCE#2026-07-');
    expect(fences.filter((fence) => fence.fencedBy !== undefined).map((fence) => [fence.sk, [...fence.fencedBy]])).toEqual([
      ['FENCE#2026-07-10', ['DAY#2026-07-10']],
    ]);
  });

  it('the year-end fences every date of the fiscal year through 10 February, in parts, and lifts them when reopened', async () => {
    const dates = fencedDates(periodOf('year-end', String(YEAR)));
    expect([dates.length, dates[0], dates.at(-1)]).toEqual([406, '2026-01-01', '2027-02-10']);
    const posting = await plannedCommitment('2026-09-15');
    const committedBefore = (await readLine(LINE)).committed;
    expect(await closePeriod(job('year-end', String(YEAR)), request('close-year'))).toBe('closed');
    const fenced = (await readItems(`CLOSE#${GOV}#${YEAR}`, 'FENCE#')).filter((fence) => fence.fencedBy?.has('YEAR'));
    expect(fenced.length).toBe(406);
    expect(await posting.write()).toEqual({ ok: false });
    expect((await readLine(LINE)).committed).toBe(committedBefore);
    await reopenPeriod(job('year-end', String(YEAR)), request('reopen-year'), 'test');
    const still = (await readItems(`CLOSE#${GOV}#${YEAR}`, 'FENCE#')).filter((fence) => fence.fencedBy?.has('YEAR'));
    expect(still).toEqual([]);
    expect(await posting.write()).toMatchObject({ ok: true });
  });
});
