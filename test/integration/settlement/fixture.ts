import { randomUUID } from 'node:crypto';
import { DeleteMessageCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { SQSEvent } from 'aws-lambda';
import { handler as runClosingHandler } from '#functions/settlement/run-closing.ts';
import { handler as startClosingHandler } from '#functions/settlement/start-closing.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { sqsClient } from '#shared/clients/sqs.ts';
import { queueUrl, tableName } from '#shared/config/env.ts';
import { balanceDeltas, cashMovements } from '#shared/domain/ledger/balances.ts';
import type { CashClass, JournalEntry, JournalLine } from '#shared/domain/ledger/journal.ts';
import { lineControlKey } from '#shared/stores/budget/control-keys.ts';
import { structureKey, versionKey, yearKey } from '#shared/stores/budget/keys.ts';
import type { GeneralProvisions } from '#shared/domain/budget/general-provisions.ts';
import type { LineControl } from '#shared/stores/budget/control-keys.ts';
import { fundStatusUpdate } from '#shared/stores/execution/fund-status.ts';
import { balanceUpdate } from '#shared/stores/execution/ledger-balances.ts';
import { openingKey } from '#shared/stores/settlement/keys.ts';

/**
 * Seeds the items budgeting and execution keep (their documented contracts), using execution's
 * own functions to turn journal entries into running balances and fund status, exactly as its
 * consumer does in the write that applies a posting.
 */
export async function post(gov: string, year: number, entry: JournalEntry): Promise<void> {
  const entries = [{ gov, year, entry }];
  const movements = cashMovements(entries);
  await dynamoClient().send(
    new TransactWriteCommand({
      TransactItems: [
        ...balanceDeltas(entries).map((delta) => balanceUpdate(tableName(), delta)),
        ...(movements.length > 0 ? [fundStatusUpdate(tableName(), gov, year, movements, `${entry.date}T09:00:00Z`)] : []),
      ],
    }),
  );
}

/** A journal entry as a posting would write it; `cash` classifies a cash line for the 현금흐름표. */
export const entry = (date: string, fund: string, ...lines: JournalEntry['lines']): JournalEntry => ({ date, fund, lines });
export const cashEntry = (date: string, fund: string, cash: CashClass, ...lines: JournalEntry['lines']): JournalEntry => ({
  date,
  fund,
  lines,
  cash,
});
export const debit = (account: string, amount: number, dims: Partial<JournalLine> = {}): JournalLine => ({
  account,
  debit: amount,
  credit: 0,
  ...dims,
});
export const credit = (account: string, amount: number, dims: Partial<JournalLine> = {}): JournalLine => ({
  account,
  debit: 0,
  credit: amount,
  ...dims,
});
export const operating = (label: string): CashClass => ({ activity: 'operating', label });

/** A 회계 of the government as budgeting stores it (its kind gives the 회계실체 type of the statements). */
export async function seedAccount(
  gov: string,
  code: string,
  kind: 'general' | 'other-special' | 'fund' | 'public-enterprise',
): Promise<void> {
  await dynamoClient().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...structureKey(gov, 'ACCOUNT', code), entity: 'account', gov, code, name: code, kind, kindName: kind },
    }),
  );
}

type LineSeed = Pick<LineControl, 'lineId' | 'kind' | 'fund' | 'budget'> & Partial<LineControl>;

export async function seedLine(gov: string, year: number, line: LineSeed): Promise<void> {
  const item: LineControl = {
    gov,
    year,
    itemCode: line.kind === 'expenditure' ? '201-01' : '110',
    dept: 'D01',
    mandatory: false,
    allotted: line.budget,
    committed: 0,
    resolved: 0,
    ordered: 0,
    paid: 0,
    assessed: 0,
    received: 0,
    refunded: 0,
    ...line,
  };
  await dynamoClient().send(
    new PutCommand({ TableName: tableName(), Item: { ...lineControlKey(gov, year, line.lineId), entity: 'line-control', ...item } }),
  );
}

export async function seedOpening(
  gov: string,
  year: number,
  balances: { fund: string; account: string; debit: number; credit: number }[],
): Promise<void> {
  await dynamoClient().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...openingKey(gov, year),
        entity: 'opening-balances',
        gov,
        year,
        balances: balances.map((b) => ({ ...b, debit: String(b.debit), credit: String(b.credit) })),
      },
    }),
  );
}

/** The scheduled job as EventBridge Scheduler would invoke it. */
export function startClosing(detail: Record<string, unknown>, time = '2026-01-02T03:00:00Z') {
  return startClosingHandler({
    version: '0',
    id: randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.scheduler',
    account: '000000000000',
    time,
    region: 'ap-northeast-2',
    resources: [],
    detail,
  });
}

/** Delivers the settlement queue's messages to run-closing one by one, as Lambda's event source mapping does; returns the failed ones. */
export async function drainSettlementQueue(): Promise<string[]> {
  const failed: string[] = [];
  for (;;) {
    const { Messages } = await sqsClient().send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl('settlement'), MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }),
    );
    if (!Messages || Messages.length === 0) return failed;
    for (const message of Messages) {
      const event = {
        Records: [
          {
            messageId: message.MessageId ?? '',
            receiptHandle: message.ReceiptHandle ?? '',
            body: message.Body ?? '',
            attributes: {},
            messageAttributes: {},
            md5OfBody: message.MD5OfBody ?? '',
            eventSource: 'aws:sqs',
            eventSourceARN: 'arn:aws:sqs:ap-northeast-2:000000000000:hojo-settlement',
            awsRegion: 'ap-northeast-2',
          },
        ],
      } as unknown as SQSEvent;
      const result = await runClosingHandler(event);
      if (result.batchItemFailures.length > 0) failed.push(message.Body ?? '');
      await sqsClient().send(new DeleteMessageCommand({ QueueUrl: queueUrl('settlement'), ReceiptHandle: message.ReceiptHandle }));
    }
  }
}

/**
 * A final version 0 of the year carrying the given 예산총칙 parts (the 명시이월 list and the 계속비 a
 * carry-over rests on: 지방재정법 제50조①③), as budgeting leaves them once the council resolved it.
 */
export async function seedFinalProvisions(gov: string, year: number, provisions: Partial<GeneralProvisions>): Promise<void> {
  const table = tableName();
  await dynamoClient().send(new PutCommand({ TableName: table, Item: { ...yearKey(gov, year), gov, year, finalVersion: 0 } }));
  await dynamoClient().send(
    new PutCommand({
      TableName: table,
      Item: {
        ...versionKey(gov, year, 0),
        entity: 'version',
        gov,
        year,
        number: 0,
        kind: 'original',
        title: `${year} 본예산`,
        state: 'final',
        revision: 0,
        basedOn: null,
        generation: 'g0',
        expenditureTotal: '0',
        revenueTotal: '0',
        lineCount: 0,
        createdAt: `${year - 1}-12-15T00:00:00.000Z`,
        provisions: { transferClauses: [], explicitCarryOvers: [], continuingExpenditures: [], debtBurdens: [], ...provisions },
      },
    }),
  );
}
