import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { useTestStack } from '#test/support/stack.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import { periodOf } from '#shared/domain/settlement/periods.ts';
import { sumByAccount } from '#shared/domain/settlement/ledger-totals.ts';
import { balanceKey } from '#shared/stores/execution/ledger-balances.ts';
import { readLedgerTotals } from '#shared/stores/settlement/inputs.ts';

await useTestStack();

const GOV = '11500';
/** A running total past 2^53 (many postings ADDed on one account): only odd near 2^54, so a rounding shows. */
const STORED = 18_014_398_509_481_973n;

describe('closings read the running totals exactly', () => {
  it('a day total past 2^53 is read as stored, not rounded (…973, not …972)', async () => {
    const period = 'DAY#2026-06-03';
    await dynamoClient().send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...balanceKey(GOV, 2026, period, 'general', '1101', {
            function: '',
            counterpart: '',
            cashActivity: '',
            cashLabel: '',
            cashCounterpart: '',
          }),
          ...{ entity: 'ledger-balance', gov: GOV, year: 2026, fund: 'general', account: '1101', period },
          debit: STORED,
          credit: 1n,
        },
      }),
    );
    const { totals } = await readLedgerTotals({ gov: GOV, period: periodOf('daily', '2026-06-03') });
    expect(totals).toEqual([expect.objectContaining({ fund: 'general', account: '1101', day: '2026-06-03', debit: STORED, credit: 1n })]);
    expect(sumByAccount(totals, () => true)[0]).toMatchObject({ debit: STORED, credit: 1n });
  });
});
