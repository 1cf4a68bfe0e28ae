import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut } from '#shared/audit/audit-record.ts';
import type { AuditRecord } from '#shared/audit/audit-record.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import { programKey } from '#shared/stores/subsidy/keys.ts';
import type { ProgramRecord } from '#shared/stores/subsidy/records.ts';
import { transact } from '#shared/stores/table/transact.ts';
import type { TransactItem, TransactOutcome } from '#shared/stores/table/transact.ts';

const strip = <T>(item: Record<string, unknown>): T => {
  const { pk: _pk, sk: _sk, entity: _entity, gsi1pk: _g1, gsi1sk: _g2, ...rest } = item;
  return rest as T;
};
export { strip };

export async function getProgram(gov: string, year: number, programId: string): Promise<ProgramRecord | undefined> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: tableName(), Key: programKey(gov, year, programId), ConsistentRead: true }),
  );
  return Item ? strip<ProgramRecord>(Item) : undefined;
}

/** A new program with its audit record; `program` fails when the id is taken in the year. */
export function insertProgram(record: ProgramRecord, audit: AuditRecord): Promise<TransactOutcome<'program' | 'audit'>> {
  return transact({
    program: {
      Put: {
        TableName: tableName(),
        Item: { ...programKey(record.gov, record.year, record.programId), entity: 'subsidy-program', ...record },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    audit: auditPut(tableName(), audit),
  });
}

/**
 * Reserves `amount` of the program's budget (a negative amount gives back what a 교부결정 취소 cut). Conditions cannot do arithmetic, so the rule
 * (decided + amount ≤ budget) is checked on the read value and the write is conditional on
 * `decided` still being that value.
 */
export const reserveProgramBudget = (program: ProgramRecord, amount: number): TransactItem => ({
  Update: {
    TableName: tableName(),
    Key: programKey(program.gov, program.year, program.programId),
    UpdateExpression: 'SET decided = :next',
    ConditionExpression: 'decided = :read',
    ExpressionAttributeValues: { ':next': program.decided + amount, ':read': program.decided },
  },
});
