import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut } from '#shared/audit/audit-record.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { BatchPlan, ItemChange, Outcome } from '#shared/domain/execution/plan-batch.ts';
import { ceilingConditions, writeConditions } from '#shared/domain/execution/counters.ts';
import type { CounterCondition } from '#shared/domain/execution/counters.ts';
import { balanceUpdate } from '#shared/stores/execution/ledger-balances.ts';
import { fundStatusUpdate } from '#shared/stores/execution/fund-status.ts';
import { FENCE_ATTRIBUTE, fenceKey, reversalKey, targetItemKey } from '#shared/stores/execution/posting-keys.ts';
import { decisionRecord, documentItem, resultItem } from '#shared/stores/execution/posting-items.ts';
import { acquisitionItem, acquisitionsWritten } from '#shared/stores/execution/acquisitions.ts';
import { releasePending } from '#shared/stores/execution/pending-postings.ts';

/** DynamoDB's limit of actions in one TransactWriteItems. */
export const MAX_TRANSACTION_ACTIONS = 100;

/** The lib-dynamodb form of one TransactWriteItems action. */
type Action = Record<string, Record<string, unknown>>;

/**
 * Turns a batch plan into the actions of ONE TransactWriteItems: posting records (created only if
 * absent; an applied one is its own audit record) and the audit records of rejections, one
 * conditional update per touched item carrying the batch's summed change, the running balances, the fund status, the release of the postings pending on 성립전 lines
 * and the checks that no posting date is fenced by a closing (one per government and date). The
 * document ledger's lines are not among them: they ride on the posting records and are written
 * after the transaction (ledger-index.ts `putLedgerEntries`).
 */
export function batchActions(plan: BatchPlan, decidedAt: string): Action[] {
  const table = tableName();
  const actions: Action[] = [];
  const byGovernment = (movement: { gov: string; year: number }) => `${movement.gov}|${movement.year}`;
  const ledgerOf = new Map(plan.ledger.map((entry) => [`${entry.gov}|${entry.postingId}`, entry]));
  for (const outcome of plan.outcomes) {
    if (outcome.status === 'duplicate') continue;
    const ledger = ledgerOf.get(`${outcome.message.gov}|${outcome.message.postingId}`);
    actions.push({
      Put: { TableName: table, Item: resultItem(outcome, decidedAt, ledger), ConditionExpression: 'attribute_not_exists(pk)' },
    });
    // An applied posting's RESULT, created once here and never updated or removed, is the audit record of
    // its application (posting-audit.ts); a rejection may be reopened by a replay, so it keeps an item,
    // keyed by its decision time too: a posting replayed and rejected again gets a second one.
    if (outcome.status === 'rejected') actions.push(auditPut(table, decisionRecord(outcome.message, 'rejected'), decidedAt));
  }
  const decided = plan.outcomes.filter(
    (outcome) => outcome.status === 'applied' || (outcome.status === 'rejected' && outcome.refusal.code !== 'posting-failed'),
  );
  actions.push(...releasePending(decided.map((outcome) => outcome.message)));
  for (const reversal of plan.reversals) {
    actions.push({
      Put: {
        TableName: table,
        Item: { ...reversalKey(reversal.gov, reversal.originalId), entity: 'posting-reversal', correctionId: reversal.correctionId },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
  }
  for (const change of plan.changes) {
    const action = changeAction(table, change);
    if (action) actions.push(action);
  }
  for (const acquisition of plan.acquisitions) actions.push({ Put: { TableName: table, Item: acquisitionItem(acquisition) } });
  // one version raise per government and year: a register being computed from them must read again
  for (const group of Map.groupBy(plan.acquisitions, byGovernment).values())
    actions.push(acquisitionsWritten(group[0]!.gov, group[0]!.year, group.length));
  for (const balance of plan.balances) actions.push(balanceUpdate(table, balance));
  const cashByGovernment = Map.groupBy(plan.cash, byGovernment);
  const custodyByGovernment = Map.groupBy(plan.custody, byGovernment);
  const paid = paidByGovernment(plan.outcomes);
  for (const key of new Set([...cashByGovernment.keys(), ...custodyByGovernment.keys()])) {
    const movements = cashByGovernment.get(key) ?? [];
    const custody = custodyByGovernment.get(key) ?? [];
    const { gov, year } = movements[0] ?? custody[0]!;
    actions.push(fundStatusUpdate(table, gov, year, movements, decidedAt, paid.get(key), custody));
  }
  for (const check of plan.closingChecks) {
    actions.push({
      ConditionCheck: {
        TableName: table,
        Key: fenceKey(check.gov, check.year, check.date),
        ConditionExpression: 'attribute_not_exists(#fence)',
        ExpressionAttributeNames: { '#fence': FENCE_ATTRIBUTE },
      },
    });
  }
  return actions;
}

/**
 * 세출 지출액 of the batch per government and year (`gov|year`) and 회계: the amounts of its applied payments,
 * less what a 반납 of the payment's own year gave back to its line (지방회계법 제27조제2항: the line's paid goes
 * down, as the 세입세출결산 counts it; a later year's 반납 is revenue and restores no line).
 */
function paidByGovernment(outcomes: readonly Outcome[]): Map<string, Map<string, number>> {
  const paid = new Map<string, Map<string, number>>();
  for (const outcome of outcomes) {
    if (outcome.status !== 'applied') continue;
    const kind = outcome.message.command.kind;
    const restored = outcome.effects.reduce((sum, e) => sum + (e.kind === 'line' ? (e.deltas.paid ?? 0) : 0), 0);
    const amount = kind === 'pay' ? outcome.amount : kind === 'return' ? restored : 0;
    if (amount === 0) continue;
    const key = `${outcome.message.gov}|${outcome.message.year}`;
    const byAccount = paid.get(key) ?? new Map<string, number>();
    byAccount.set(outcome.fund, (byAccount.get(outcome.fund) ?? 0) + amount);
    paid.set(key, byAccount);
  }
  return paid;
}

/**
 * The batch write: committed with the write units it consumed, or lost to a race — a condition
 * failed although the plan held on what was read (a concurrent writer moved an item, a period was
 * closed, another consumer applied the same posting). Throttling and conflicts inside the
 * transaction are not races re-planning can win: they are thrown, for redelivery.
 */
export type WriteResult = { readonly ok: true; readonly capacityUnits: number } | { readonly ok: false };

export async function writeActions(actions: readonly Action[]): Promise<WriteResult> {
  if (actions.length === 0) return { ok: true, capacityUnits: 0 };
  try {
    const response = await dynamoClient().send(
      new TransactWriteCommand({ TransactItems: actions as never, ReturnConsumedCapacity: 'TOTAL' }),
    );
    return { ok: true, capacityUnits: (response.ConsumedCapacity ?? []).reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0) };
  } catch (error) {
    if (isLostRace(error)) return { ok: false };
    throw error;
  }
}

function isLostRace(error: unknown): boolean {
  if (!(error instanceof TransactionCanceledException)) return false;
  const codes = (error.CancellationReasons ?? []).map((reason) => reason.Code ?? 'None');
  return codes.includes('ConditionalCheckFailed') && codes.every((code) => code === 'None' || code === 'ConditionalCheckFailed');
}

function changeAction(table: string, change: ItemChange): Action | undefined {
  if (!change.before) {
    return { Put: { TableName: table, Item: documentItem(change.after), ConditionExpression: 'attribute_not_exists(pk)' } };
  }
  const moved = Object.entries(change.deltas).filter(([, delta]) => delta !== 0);
  if (moved.length === 0) return undefined;
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const adds = moved.map(([name, delta], i) => {
    names[`#c${i}`] = name;
    values[`:d${i}`] = delta;
    return `#c${i} :d${i}`;
  });
  const conditions = [...writeConditions(change.before, change.deltas), ...ceilingConditions(change.storedCeilings)].map((condition, i) =>
    conditionExpression(condition, i, names, values),
  );
  return {
    Update: {
      TableName: table,
      Key: targetItemKey(change.target),
      UpdateExpression: `ADD ${adds.join(', ')}`,
      ConditionExpression: ['attribute_exists(pk)', ...conditions].join(' AND '),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

/** A counter that was never written counts as zero, as ADD treats it. */
function conditionExpression(
  condition: CounterCondition,
  i: number,
  names: Record<string, string>,
  values: Record<string, unknown>,
): string {
  names[`#k${i}`] = condition.attribute;
  values[`:k${i}`] = condition.value;
  const compare = `#k${i} ${condition.comparator} :k${i}`;
  const zeroPasses = condition.comparator === '<=' ? condition.value >= 0n : condition.value <= 0n;
  return zeroPasses ? `(attribute_not_exists(#k${i}) OR ${compare})` : compare;
}

const TRANSIENT_ERRORS = new Set([
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'TransactionInProgressException',
  'InternalServerError',
  'ServiceUnavailable',
  'TimeoutError',
  'AbortError',
]);
const TRANSIENT_CANCELLATIONS = new Set(['TransactionConflict', 'ThrottlingError', 'ProvisionedThroughputExceeded']);
const NETWORK_ERRORS = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * Whether a failed read or write may succeed if simply tried again later: throttling, a conflict
 * with another transaction, a fault or timeout of the service or the network. Anything else (a
 * rejected request, an item the mapping cannot read, a bug) fails the same way on every delivery.
 */
export function isTransientFailure(error: unknown): boolean {
  const failure = error as { name?: string; code?: string; $retryable?: unknown; $metadata?: { httpStatusCode?: number } };
  if (error instanceof TransactionCanceledException) {
    return (error.CancellationReasons ?? []).some((reason) => TRANSIENT_CANCELLATIONS.has(reason.Code ?? ''));
  }
  return (
    TRANSIENT_ERRORS.has(failure?.name ?? '') ||
    NETWORK_ERRORS.has(failure?.code ?? '') ||
    failure?.$retryable !== undefined ||
    (failure?.$metadata?.httpStatusCode ?? 0) >= 500
  );
}
