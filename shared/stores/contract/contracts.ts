import { tableName } from '#shared/config/env.ts';
import type { Contract } from '#shared/domain/contract/contract.ts';
import { contractKey, contractPartition, orderKey, orderPrefix } from '#shared/stores/contract/keys.ts';
import { readOrderPayments } from '#shared/stores/execution/order-payments.ts';
import { queryPrefix } from '#shared/stores/table/query-all.ts';
import { getRecord, recordOf } from '#shared/stores/table/records.ts';
import type { TransactItem } from '#shared/stores/table/transact.ts';

export const contractTarget = (gov: string, contractId: string): string => `contract ${gov}/${contractId}`;

/** The contract as stored, without its orders (they are items of their own). */
export type StoredContract = Omit<Contract, 'orders' | 'orderPayments'>;

/** Puts a new contract (revision 1); fails if the government has one of that id. */
export const putNewContract = (contract: StoredContract): TransactItem => ({
  Put: {
    TableName: tableName(),
    Item: { ...contractKey(contract.gov, contract.contractId), entity: 'contract', ...contract },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

/** Replaces the contract if nobody changed it since it was read (its revision), bumping the revision. */
export const replaceContract = (contract: StoredContract): TransactItem => ({
  Put: {
    TableName: tableName(),
    Item: { ...contractKey(contract.gov, contract.contractId), entity: 'contract', ...contract, revision: contract.revision + 1 },
    ConditionExpression: 'revision = :revision',
    ExpressionAttributeValues: { ':revision': contract.revision },
  },
});

/**
 * Records the payment order accepted on a 선금 claim or inspection: only if none is recorded, or the
 * one recorded (`previous`) was rejected by the consumer (then the document may be ordered again).
 */
export const putContractOrder = (
  gov: string,
  contractId: string,
  documentId: string,
  postingId: string,
  previous: string | undefined,
): TransactItem => ({
  Put: {
    TableName: tableName(),
    Item: { ...orderKey(gov, contractId, documentId), entity: 'contract-order', contractId, documentId, postingId },
    ...(previous === undefined
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : { ConditionExpression: 'postingId = :previous', ExpressionAttributeValues: { ':previous': previous } }),
  },
});

export async function getContract(gov: string, contractId: string): Promise<Contract | undefined> {
  const [contract, orders] = await Promise.all([
    getRecord<StoredContract>(contractKey(gov, contractId)),
    queryPrefix(contractPartition(gov), orderPrefix(contractId), { ConsistentRead: true }),
  ]);
  if (!contract) return undefined;
  return withPayments(gov, { ...contract, orders: ordersOf(orders) });
}

/** The register of a government, each contract with its orders. */
export async function listContracts(gov: string): Promise<Contract[]> {
  const [contracts, orders] = await Promise.all([
    queryPrefix(contractPartition(gov), 'CONTRACT#', { ConsistentRead: true }),
    queryPrefix(contractPartition(gov), 'ORDER#', { ConsistentRead: true }),
  ]);
  return Promise.all(
    contracts
      .map((item) => recordOf<StoredContract>(item))
      .map((contract) =>
        withPayments(gov, { ...contract, orders: ordersOf(orders.filter((order) => order.contractId === contract.contractId)) }),
      ),
  );
}

const ordersOf = (orders: readonly Record<string, unknown>[]): Record<string, string> =>
  Object.fromEntries(orders.map((order) => [String(order.documentId), String(order.postingId)]));

/** The contract with what the treasury bank paid on the orders of its 선금 claims (the inspections' are not needed). */
async function withPayments(gov: string, contract: Contract): Promise<Contract> {
  const advanceOrders = contract.advances.flatMap((claim) => contract.orders[claim.advanceId] ?? []);
  if (advanceOrders.length === 0) return contract;
  return { ...contract, orderPayments: await readOrderPayments(gov, advanceOrders) };
}
