import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { tableName } from '#shared/config/env.ts';
import { advanceOrderRefusal, advancePostingOf } from '#shared/domain/advance-posting.ts';
import type { AdvancePostings } from '#shared/domain/advance-posting.ts';
import type { PettyCashAdvance, PettyCashReturn, PettyCashSpending } from '#shared/domain/petty-cash/advance.ts';
import { advanceRefusal, returnRefusal, spendingRefusal } from '#shared/domain/petty-cash/rules.ts';
import { cashStatement } from '#shared/domain/petty-cash/statement.ts';
import { Refused, conflict, notFound } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { advanceTarget, getAdvance, putAdvanceOrderLink, putNewAdvance, replaceAdvance } from '#shared/stores/petty-cash/advances.ts';
import { transact } from '#shared/stores/table/transact.ts';

export type AdvanceInput = Omit<PettyCashAdvance, 'gov' | 'year' | 'amount' | 'spendings' | 'returns' | 'revision'>;

/** The advance with its 출납계산서 as of the request. */
const withStatement = (advance: PettyCashAdvance, asOf: string) => ({ ...advance, statement: cashStatement(advance, asOf.slice(0, 10)) });

/**
 * The advance as its payment order stands in the books (posting status, settled and unsettled), when
 * the record names one: the 출납원's record and the 지출원's postings are one advance.
 */
async function withPosting(advance: PettyCashAdvance, postings: AdvancePostings) {
  const order = advance.orderRef === undefined ? undefined : await postings.order(advance.gov, advance.orderRef);
  return order === undefined ? {} : { posting: advancePostingOf(order) };
}

/**
 * 일상경비등 교부 (지방회계법 §34①): within the item's limit and period (회계령 §38–§39). A record that
 * names its payment order (`orderRef`) names an 일상경비등 advance of the same item and amount, whose
 * 지출결의 passed the same limits on the posting path (execution rules/advance-terms.ts); one record per order,
 * and the order's 정산 then never passes what this record shows spent (advance-posting.ts).
 */
export async function advancePettyCash(request: RequestInfo, gov: string, year: number, input: AdvanceInput, postings: AdvancePostings) {
  const amount = Object.values(input.allocations).reduce((sum, value) => sum + value, 0);
  const advance: PettyCashAdvance = { ...input, gov, year, amount, spendings: [], returns: [], revision: 1 };
  const refused = advanceRefusal(advance);
  if (refused) throw new Refused(refused);
  const linked = await withPosting(advance, postings);
  if (input.orderRef !== undefined) {
    const order = 'posting' in linked ? linked.posting : undefined;
    const mismatch = advanceOrderRefusal(order, { orderId: input.orderRef, form: 'petty-cash', item: input.item, amount });
    if (mismatch) throw new Refused(mismatch);
  }
  const target = advanceTarget(gov, year, input.advanceId);
  const orderRef = advance.orderRef;
  const written = await transact({
    record: putNewAdvance(advance),
    // one record per order: the 정산 posting reads the record that names it (settlementAgainstRecord)
    link: orderRef === undefined ? [] : putAdvanceOrderLink({ ...advance, orderRef }),
    audit: auditPut(tableName(), auditRecord(request, { gov, operation: 'petty-cash.advance', target })),
  });
  if (!written.ok && written.failed.has('record')) {
    throw conflict('petty-cash-document-exists', `${year} has an 일상경비 advance ${input.advanceId} already`);
  }
  if (!written.ok) throw conflict('advance-order-recorded', `another 일상경비 record names payment order ${orderRef} already`);
  return { ...withStatement(advance, request.receivedAt), ...linked };
}

export async function requireAdvance(gov: string, year: number, advanceId: string): Promise<PettyCashAdvance> {
  const found = await getAdvance(gov, year, advanceId);
  if (!found) throw notFound('petty-cash-advance-not-found', `government ${gov} has no 일상경비 advance ${advanceId} in ${year}`);
  return found;
}

/** The advance, its 출납계산서 and, when it names its payment order, that order's posting status. */
export async function readAdvance(gov: string, year: number, advanceId: string, asOf: string, postings: AdvancePostings) {
  const advance = await requireAdvance(gov, year, advanceId);
  return { ...withStatement(advance, asOf), ...(await withPosting(advance, postings)) };
}

/** A 지급원인행위 of the 분임재무관 paid from the advance, within its 목별 amount (회계령 §41①). */
export const recordPettyCashSpending = (request: RequestInfo, gov: string, year: number, advanceId: string, spending: PettyCashSpending) =>
  step(
    request,
    gov,
    year,
    advanceId,
    'petty-cash.spending',
    spending.spendingId,
    (advance) => spendingRefusal(advance, spending) ?? { ...advance, spendings: [...advance.spendings, spending] },
  );

/** Unspent money returned to the 지출원 (due by 20 January of the next year, 지방회계법 §7②). */
export const returnPettyCash = (request: RequestInfo, gov: string, year: number, advanceId: string, entry: PettyCashReturn) =>
  step(
    request,
    gov,
    year,
    advanceId,
    'petty-cash.return',
    entry.returnId,
    (advance) => returnRefusal(advance, entry) ?? { ...advance, returns: [...advance.returns, entry] },
  );

async function step(
  request: RequestInfo,
  gov: string,
  year: number,
  advanceId: string,
  operation: string,
  documentId: string,
  rule: (advance: PettyCashAdvance) => PettyCashAdvance | Refusal,
) {
  const advance = await requireAdvance(gov, year, advanceId);
  const ids = [...advance.spendings.map((s) => s.spendingId), ...advance.returns.map((r) => r.returnId)];
  if (ids.includes(documentId)) throw conflict('petty-cash-document-exists', `advance ${advanceId} has a document ${documentId} already`);
  const next = rule(advance);
  if ('code' in next) throw new Refused(next);
  const written = await transact({
    advance: replaceAdvance(next),
    audit: auditPut(tableName(), auditRecord(request, { gov, operation, target: `${advanceTarget(gov, year, advanceId)}/${documentId}` })),
  });
  if (!written.ok) throw conflict('revision-conflict', `advance ${advanceId} changed while this was being recorded; read it again`);
  return withStatement({ ...next, revision: advance.revision + 1 }, request.receivedAt);
}
