import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { SettlementLine } from '#shared/domain/settlement/budget-settlement.ts';
import type { CarryOver } from '#shared/domain/settlement/carry-over.ts';
import type { ClosingJob } from '#shared/domain/settlement/closing.ts';
import type { OpeningBalance } from '#shared/domain/settlement/ledger-totals.ts';
import { lineControlKey } from '#shared/stores/budget/control-keys.ts';
import { addToCurrentBudget } from '#shared/stores/budget/current-budget.ts';
import { carryInKey, openingKey } from '#shared/stores/settlement/keys.ts';
import { carriedLineId } from '#shared/domain/settlement/carried-budget.ts';
import type { LedgerCommitment } from '#shared/domain/settlement/carry-over.ts';
import { documentKey, requestKey } from '#shared/stores/execution/posting-keys.ts';
import { readLedgerCommitments } from '#shared/stores/settlement/carried-commitments.ts';
import { BUDGET_COMPONENTS } from '#shared/stores/settlement/inputs.ts';
import { countersOf } from '#shared/domain/execution/items.ts';
import type { AuditedRequest } from '#shared/stores/settlement/audited-request.ts';
import { transact } from '#shared/stores/table/transact.ts';
import type { TransactItem } from '#shared/stores/table/transact.ts';

/**
 * Opens year + 1 from the closed year: the opening balances (one item) and, per carry-over, a
 * carry-in record with the carried budget as a line of its own (carried-budget.ts: never added onto
 * next year's line of the same code), and the commitments a 사고이월 carries moved onto it. Each write
 * is conditional on its record being absent (or the commitment not yet moved), so a rerun changes nothing.
 */
export async function carryForward(
  job: ClosingJob,
  opening: readonly OpeningBalance[],
  carryOvers: readonly CarryOver[],
  lines: readonly SettlementLine[],
  request: AuditedRequest,
): Promise<void> {
  const table = tableName();
  const { gov } = job;
  const next = job.period.year + 1;
  const audit = (operation: string, target: string) => auditPut(table, auditRecord(request, { gov, operation, target }));

  await writeOnce(
    {
      ...openingKey(gov, next),
      entity: 'opening-balances',
      gov,
      year: next,
      fromYear: job.period.year,
      balances: opening.map((b) => ({
        fund: b.fund,
        account: b.account,
        debit: b.debit.toString(),
        credit: b.credit.toString(),
        ...(b.counterpart ? { counterpart: b.counterpart } : {}),
      })),
    },
    [],
    audit('openYear', `opening-balances ${gov}/${next}`),
  );

  const lineOf = new Map(lines.map((l) => [l.lineId, l]));
  for (const carry of carryOvers) {
    const source = lineOf.get(carry.lineId);
    const { Item: origin } = await dynamoClient().send(
      new GetCommand({ TableName: table, Key: lineControlKey(gov, job.period.year, carry.lineId), ConsistentRead: true }),
    );
    const lineId = carriedLineId(carry.lineId, job.period.year, carry.kind);
    const commitments = await readLedgerCommitments(gov, carry.commitmentIds ?? []);
    // Only commitments still of the line and without an unpaid 지출결의 move (one resolved after the
    // carry-over was recorded stays: its fixed part is paid as 과년도 지출, 지방회계법 제37조).
    const moving = [...commitments.values()].filter(
      (c) => c.year === job.period.year && c.lineId === carry.lineId && c.resolved === c.paid,
    );
    const carriedFrom = { carryKind: carry.kind, originYear: job.period.year, originLineId: carry.lineId };
    // The carried budget: its amount deemed allotted (지방재정법 제50조④), shown as 전년도이월액 (carryIn),
    // committed by what the commitments it carries have not paid.
    const carriedLine = {
      ...descriptiveAttributes(origin ?? {}),
      ...lineControlKey(gov, next, lineId),
      gov,
      year: next,
      lineId,
      budget: carry.amount,
      allotted: carry.amount,
      enacted: 0,
      carryIn: carry.amount,
      committed: moving.reduce((sum, c) => sum + c.amount - c.paid, 0),
      ...zeroCounters,
      ...carriedFrom,
    };
    await writeOnce(
      {
        ...carryInKey(gov, next, carry.lineId),
        entity: 'carry-in',
        gov,
        year: next,
        fromYear: job.period.year,
        // The carried budget's line; the origin line of next year (if any) is never touched.
        lineId,
        originLineId: carry.lineId,
        kind: carry.kind,
        amount: carry.amount,
        reason: carry.reason,
        fund: source?.fund ?? '',
        ...(moving.length > 0 ? { commitmentIds: moving.map((c) => c.commitmentId) } : {}),
      },
      // the carried line, and next year's running 세출 예산현액 grows with it (the execution rate's denominator)
      origin
        ? [
            { Put: { TableName: table, Item: carriedLine, ConditionExpression: 'attribute_not_exists(pk)' } },
            addToCurrentBudget(gov, next, source?.fund ?? '', carry.amount, 'carry-in'),
          ]
        : [],
      audit('carryIn', `carry-in ${gov}/${next}/${lineId}`),
    );
    for (const commitment of moving) await moveCommitment(gov, commitment, next, lineId, audit);
  }
}

/** The counters a carried line starts with at zero (committed is set from the commitments it carries). */
const zeroCounters = { resolved: 0, ordered: 0, paid: 0, assessed: 0, received: 0, refunded: 0 };

/** What a line is, not what was done on it: the origin line's attributes without its counters, components and version. */
function descriptiveAttributes(item: Record<string, unknown>): Record<string, unknown> {
  const dropped = new Set(['pk', 'sk', 'version', 'provisional', 'budget', 'carryIn', ...countersOf.line, ...BUDGET_COMPONENTS]);
  return Object.fromEntries(Object.entries(item).filter(([name]) => !dropped.has(name)));
}

/**
 * Moves a commitment the 사고이월 carries onto the carried budget: it becomes a commitment of next year on
 * that line for what it has not paid (its year's figures kept as originAmount/originPaid), so its
 * 지출결의 → 지급명령 → 지급 go on there (지방재정법 제50조②1). Conditional on it still being where the
 * carry-over found it, so a rerun moves nothing twice.
 */
async function moveCommitment(
  gov: string,
  commitment: LedgerCommitment,
  next: number,
  lineId: string,
  audit: (operation: string, target: string) => TransactItem,
): Promise<void> {
  const outcome = await transact({
    move: {
      Update: {
        TableName: tableName(),
        Key: documentKey(gov, commitment.commitmentId),
        UpdateExpression:
          'SET #year = :next, lineId = :lineId, carriedFromYear = :year, carriedFromLineId = :origin, originAmount = :amount, originPaid = :paid, amount = :rest, resolved = :zero, paid = :zero',
        ConditionExpression: '#year = :year AND lineId = :origin AND resolved = :paid AND paid = :paid',
        ExpressionAttributeNames: { '#year': 'year' },
        ExpressionAttributeValues: {
          ':next': next,
          ':lineId': lineId,
          ':year': commitment.year,
          ':origin': commitment.lineId,
          ':amount': commitment.amount,
          ':paid': commitment.paid,
          ':rest': commitment.amount - commitment.paid,
          ':zero': 0,
        },
      },
    },
    // The accepted commit's request record answers the API which year and line the commitment is of.
    request: {
      Update: {
        TableName: tableName(),
        Key: requestKey(gov, commitment.commitmentId),
        UpdateExpression: 'SET #year = :next, lineId = :lineId, carriedFromYear = :year, carriedFromLineId = :origin',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#year': 'year' },
        ExpressionAttributeValues: { ':next': next, ':lineId': lineId, ':year': commitment.year, ':origin': commitment.lineId },
      },
    },
    audit: audit('carryCommitment', `commitment ${gov}/${commitment.commitmentId} → ${next}/${lineId}`),
  });
  if (!outcome.ok && !outcome.failed.has('move') && !outcome.failed.has('request'))
    throw new Error(`moving commitment ${commitment.commitmentId} failed: ${[...outcome.failed].join(', ')}`);
}

/** The record (Put if absent), the writes that go with it and its audit record, all or nothing; an existing record changes nothing. */
async function writeOnce(record: Record<string, unknown>, withIt: readonly TransactItem[], audit: TransactItem): Promise<void> {
  const outcome = await transact({
    record: { Put: { TableName: tableName(), Item: record, ConditionExpression: 'attribute_not_exists(pk)' } },
    withIt,
    audit,
  });
  if (!outcome.ok && !outcome.failed.has('record'))
    throw new Error(`writing ${String(record.sk)} failed: ${[...outcome.failed].join(', ')}`);
}
