import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import { documentKey } from '#shared/stores/execution/posting-keys.ts';

/** A 세입세출외현금 record as the postings consumer keeps it (rules/deposit.ts): what it is and what it holds. */
export interface CustodyRecord {
  readonly book: string;
  readonly custodyKind: string;
  readonly fund: string;
  readonly contractId?: string | undefined;
  readonly deposited: number;
  readonly released: number;
}

/** The record `custodyId` of the government, once a deposit onto it was applied (consistent read). */
export async function readCustodyRecord(gov: string, custodyId: string): Promise<CustodyRecord | undefined> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: tableName(), Key: documentKey(gov, custodyId), ConsistentRead: true }),
  );
  if (Item?.kind !== 'custody') return undefined;
  return {
    book: String(Item.book),
    custodyKind: String(Item.custodyKind),
    fund: String(Item.fund),
    ...(Item.contractId === undefined ? {} : { contractId: String(Item.contractId) }),
    deposited: Number(Item.deposited ?? 0),
    released: Number(Item.released ?? 0),
  };
}
