import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import { cashReversalBreach, monthInYear } from '#shared/domain/budget/allotment.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { conflict, notFound, unprocessable } from '#shared/domain/refusal.ts';
import { cashControlKey } from '#shared/stores/budget/control-keys.ts';
import { cashAllocationId, cashAllocationKey, parseCashAllocationId } from '#shared/stores/budget/keys.ts';
import { getAccount } from '#shared/stores/budget/structure.ts';
import { getYear } from '#shared/stores/budget/version.ts';
import { transactList } from '#shared/stores/table/transact.ts';

export interface CashAllocation {
  readonly allocationId: string;
  readonly gov: string;
  readonly year: number;
  readonly fund: string;
  readonly month: string;
  /** Negative for a reversal. */
  readonly amount: number;
  readonly kind: 'allocation' | 'reversal';
  readonly reference: string;
  readonly reverses: string | null;
  readonly reversedBy: string | null;
  /** Why a reversal was made; null on an original posting. */
  readonly reason: string | null;
  readonly at: string;
  readonly subject: string;
  readonly allocated: number;
}

export interface CashAllocationRequest {
  readonly fund: string;
  readonly month: string;
  readonly amount: number;
  readonly reference: string;
}

const REVERSAL_SUFFIX = '~R';
const ATTEMPTS = 5;

/**
 * Releases cash to an account for a month (자금배정): raises `allocated` on the CASH# control item
 * (created with zero counters on first use) that execution checks payments against.
 */
export async function allocateCash(request: RequestInfo, gov: string, year: number, input: CashAllocationRequest): Promise<CashAllocation> {
  if (!monthInYear(input.month, year)) throw unprocessable('month-outside-year', `month ${input.month} is not in fiscal year ${year}`);
  if (!(await getAccount(gov, input.fund))) throw unprocessable('unknown-account', `government ${gov} has no account ${input.fund}`);
  const yearRecord = await getYear(gov, year);
  if (yearRecord.finalVersion === undefined && !yearRecord.provisional) {
    throw unprocessable('no-budget', `there is no final or provisional ${year} budget to release cash for`);
  }
  const id = cashAllocationId(input.fund, input.month, input.reference);
  const allocation = (allocated: number): CashAllocation => ({
    allocationId: id,
    gov,
    year,
    ...input,
    kind: 'allocation',
    reverses: null,
    reversedBy: null,
    reason: null,
    at: request.receivedAt,
    subject: request.caller?.sub ?? 'anonymous',
    allocated: allocated + input.amount,
  });
  for (let attempt = 1; ; attempt += 1) {
    const control = await getCash(gov, year, input.fund, input.month);
    const posting = allocation(control?.allocated ?? 0);
    const outcome = await transactList([
      moveAllocated(gov, year, input.fund, input.month, control, input.amount),
      putPosting(gov, year, input.fund, input.month, input.reference, posting),
      auditPut(tableName(), auditRecord(request, { gov, operation: 'allocateCash', target: `cash-allocation ${gov}/${year}/${id}` })),
    ]);
    if (outcome.ok) return posting;
    if (outcome.failed.includes(1))
      throw conflict('reference-used', `reference ${input.reference} is already used for ${input.fund} ${input.month}`, {
        allocationId: id,
      });
    if (attempt === ATTEMPTS)
      throw conflict('allocation-contention', `cash of ${input.fund} ${input.month} changed during ${ATTEMPTS} attempts; retry`);
  }
}

export async function reverseCashAllocation(
  request: RequestInfo,
  gov: string,
  year: number,
  originalId: string,
  reference: string,
  reason: string,
): Promise<CashAllocation> {
  const parsed = parseCashAllocationId(originalId);
  const original = parsed ? await getPosting(gov, year, parsed.fund, parsed.month, parsed.reference) : undefined;
  if (!parsed || !original) throw notFound('cash-allocation-not-found', `no cash allocation ${originalId} in ${gov}/${year}`);
  for (let attempt = 1; ; attempt += 1) {
    const control = await getCash(gov, year, parsed.fund, parsed.month);
    const current = { allocated: control?.allocated ?? 0, paid: control?.paid ?? 0 };
    const breach = cashReversalBreach(current, original.amount);
    if (breach) {
      throw unprocessable(
        'reversal-below-paid',
        `${breach.rule} would not hold (requested ${breach.requested}, available ${breach.available})`,
        { ...breach },
      );
    }
    const reversal: CashAllocation = {
      ...original,
      allocationId: `${originalId}${REVERSAL_SUFFIX}`,
      amount: -original.amount,
      kind: 'reversal',
      reference,
      reverses: originalId,
      reason,
      at: request.receivedAt,
      subject: request.caller?.sub ?? 'anonymous',
      allocated: current.allocated - original.amount,
    };
    const outcome = await transactList([
      moveAllocated(gov, year, parsed.fund, parsed.month, control, -original.amount),
      putPosting(gov, year, parsed.fund, parsed.month, `${parsed.reference}${REVERSAL_SUFFIX}`, reversal),
      auditPut(
        tableName(),
        auditRecord(request, { gov, operation: 'reverseCashAllocation', target: `cash-allocation ${gov}/${year}/${originalId}` }),
      ),
    ]);
    if (outcome.ok) return reversal;
    if (outcome.failed.includes(1))
      throw conflict('already-reversed', `cash allocation ${originalId} is already reversed`, { reversedBy: reversal.allocationId });
    if (attempt === ATTEMPTS)
      throw conflict('allocation-contention', `cash of ${parsed.fund} ${parsed.month} changed during ${ATTEMPTS} attempts; retry`);
  }
}

async function getCash(gov: string, year: number, fund: string, month: string): Promise<{ allocated: number; paid: number } | undefined> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: tableName(), Key: cashControlKey(gov, year, fund, month), ConsistentRead: true }),
  );
  return Item ? { allocated: Number(Item.allocated), paid: Number(Item.paid) } : undefined;
}

/** Creates the CASH# item with zero counters on first use; afterwards moves `allocated` only from the value read. */
function moveAllocated(
  gov: string,
  year: number,
  fund: string,
  month: string,
  control: { allocated: number; paid: number } | undefined,
  delta: number,
) {
  const key = cashControlKey(gov, year, fund, month);
  if (!control) {
    return {
      Update: {
        TableName: tableName(),
        Key: key,
        UpdateExpression:
          'SET allocated = :delta, paid = :zero, gov = :gov, #year = :year, fund = :fund, #month = :month, entity = :entity',
        ConditionExpression: 'attribute_not_exists(pk)',
        ExpressionAttributeNames: { '#year': 'year', '#month': 'month' },
        ExpressionAttributeValues: {
          ':delta': delta,
          ':zero': 0,
          ':gov': gov,
          ':year': year,
          ':fund': fund,
          ':month': month,
          ':entity': 'cash-control',
        },
      },
    };
  }
  const guard = delta > 0 ? 'allocated = :allocated' : 'allocated = :allocated AND paid = :paid';
  return {
    Update: {
      TableName: tableName(),
      Key: key,
      UpdateExpression: 'SET allocated = allocated + :delta',
      ConditionExpression: guard,
      ExpressionAttributeValues: { ':delta': delta, ':allocated': control.allocated, ...(delta > 0 ? {} : { ':paid': control.paid }) },
    },
  };
}

function putPosting(gov: string, year: number, fund: string, month: string, reference: string, posting: CashAllocation) {
  const { reversedBy: _computed, ...stored } = posting;
  return {
    Put: {
      TableName: tableName(),
      Item: { ...cashAllocationKey(gov, year, fund, month, reference), entity: 'cash-allocation', ...stored },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

async function getPosting(gov: string, year: number, fund: string, month: string, reference: string): Promise<CashAllocation | undefined> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: tableName(), Key: cashAllocationKey(gov, year, fund, month, reference), ConsistentRead: true }),
  );
  if (Item?.kind !== 'allocation') return undefined;
  const { pk: _pk, sk: _sk, entity: _entity, ...rest } = Item;
  return { reversedBy: null, ...(rest as Omit<CashAllocation, 'reversedBy'>) };
}
