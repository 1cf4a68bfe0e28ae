import { describe, expect, it } from 'vitest';
import { listBudgetChanges, recordQuarterlyReport } from '#shared/routes/budget.ts';
import { callRoute } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';
import { callers } from './support.ts';

await useTestStack();

/**
 * The record that a quarter's report of 전용 (지방재정법 §49③) or 이체 (§47의2②) went to the council,
 * and the listing of that kind and quarter showing it submitted, due or overdue against `dueBy`
 * (the business clock is pinned to 2026-11-30).
 */
const gov = '11200'; // 성동구
const year = 2026;
const c = callers(gov);
const report = (kind: string, quarter: number) =>
  callRoute(listBudgetChanges, { params: { gov, year }, query: { kind, quarter: String(quarter) }, caller: c.council });
const record = (body: Record<string, unknown>, caller = c.budgetOfficer) =>
  callRoute(recordQuarterlyReport, { params: { gov, year }, body, caller });

describe('quarterly reports of budget changes to the council', () => {
  it('shows a report overdue until its submission is recorded, then submitted (late after dueBy)', async () => {
    // Q3's report was due 2026-10-31: overdue on 2026-11-30; Q4's (due 2027-01-31) is still to come
    expect((await report('diversion', 3)).body.report).toEqual({
      basis: '지방재정법 §49③',
      dueBy: '2026-10-31',
      status: 'overdue',
      late: true,
    });
    expect((await report('diversion', 4)).body.report).toMatchObject({ dueBy: '2027-01-31', status: 'due', late: false });

    const recorded = await record({ kind: 'diversion', quarter: 3, submittedOn: '2026-11-05', reference: '의회-2026-311' });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    expect(recorded.body).toMatchObject({ kind: 'diversion', quarter: 3, submittedOn: '2026-11-05', reference: '의회-2026-311' });
    expect((await report('diversion', 3)).body.report).toEqual({
      basis: '지방재정법 §49③',
      dueBy: '2026-10-31',
      status: 'submitted',
      late: true,
      submittedOn: '2026-11-05',
      reference: '의회-2026-311',
    });
    // the 이체 report of the same quarter is a report of its own
    expect((await report('reallocation', 3)).body.report).toMatchObject({ basis: '지방재정법 §47의2②', status: 'overdue' });
    const onTime = await record({ kind: 'reallocation', quarter: 2, submittedOn: '2026-07-30', reference: '의회-2026-207' }, c.head);
    expect(onTime.status).toBe(201);
    expect((await report('reallocation', 2)).body.report).toMatchObject({ dueBy: '2026-07-31', status: 'submitted', late: false });
  });

  it('records once: the same record again answers as it stands, another is refused 409', async () => {
    const body = { kind: 'diversion', quarter: 1, submittedOn: '2026-04-20', reference: '의회-2026-104' };
    expect((await record(body)).status).toBe(201);
    const again = await record(body);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject(body);
    const other = await record({ ...body, reference: '의회-2026-105' });
    expect(other.body).toMatchObject({
      status: 409,
      code: 'quarterly-report-recorded',
      context: { submittedOn: '2026-04-20', reference: '의회-2026-104' },
    });
  });

  it('refuses a report dated inside its quarter or after today, and a kind without a quarterly report', async () => {
    const early = await record({ kind: 'diversion', quarter: 4, submittedOn: '2026-11-30', reference: 'R-1' });
    expect(early.body).toMatchObject({
      status: 422,
      code: 'quarterly-report-date',
      context: { quarterEnds: '2026-12-31', today: '2026-11-30', submittedOn: '2026-11-30' },
    });
    const future = await record({ kind: 'diversion', quarter: 2, submittedOn: '2026-12-01', reference: 'R-1' });
    expect(future.body).toMatchObject({ status: 422, code: 'quarterly-report-date' });
    // 이용 needs the council's prior clause, not a quarterly report (§47의2①)
    expect((await record({ kind: 'transfer', quarter: 2, submittedOn: '2026-07-10', reference: 'R-1' })).status).toBe(400);
    expect((await report('diversion', 2)).body.report).toMatchObject({ status: 'overdue' });
  });

  it('is recorded by the head or the budget office only', async () => {
    const refused = await record({ kind: 'diversion', quarter: 2, submittedOn: '2026-07-10', reference: 'R-1' }, c.council);
    expect(refused.status).toBe(403);
  });
});
