import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { ChangeKind } from '#shared/domain/budget/budget-change.ts';

/**
 * Which roles the head has delegated each kind of budget change to (위임전결; 지방재정법 §49① gives
 * 전용 to the head, who may delegate by the government's own rules: practice [U]).
 *   pk GOV#{gov}   sk BUDGET-DELEGATION   { delegations: { [kind]: role[] }, updatedAt, updatedBy }
 */
export type Delegations = Partial<Record<ChangeKind, readonly string[]>>;

const delegationKey = (gov: string) => ({ pk: `GOV#${gov}`, sk: 'BUDGET-DELEGATION' });

export async function getDelegations(gov: string): Promise<Delegations> {
  const { Item } = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: delegationKey(gov), ConsistentRead: true }));
  return (Item?.delegations as Delegations | undefined) ?? {};
}

export const putDelegations = (gov: string, delegations: Delegations, at: string, by: string) => ({
  Put: {
    TableName: tableName(),
    Item: { ...delegationKey(gov), entity: 'budget-delegation', gov, delegations, updatedAt: at, updatedBy: by },
  },
});

export const writeDelegations = (gov: string, delegations: Delegations, at: string, by: string) =>
  dynamoClient().send(new PutCommand(putDelegations(gov, delegations, at, by).Put));
