import { tableName } from '#shared/config/env.ts';
import type { ChangeKind } from '#shared/domain/budget/budget-change.ts';
import { lineCounters } from '#shared/domain/budget/line-counters.ts';
import type { JournalEntry } from '#shared/domain/ledger/journal.ts';
import type { StoredLineControl } from '#shared/stores/budget/controls.ts';
import { lineControlKey } from '#shared/stores/budget/control-keys.ts';
import { changeKey, changesPartition } from '#shared/stores/budget/keys.ts';
import { getPosting, putPosting, toPosting } from '#shared/stores/budget/posting-items.ts';
import { queryPrefix } from '#shared/stores/table/query-all.ts';
import type { TransactItem } from '#shared/stores/table/transact.ts';

/**
 * A budget change as recorded (the council's quarterly report and the settlement read these):
 * type, source and target line, amount, legal basis, decision date, who decided, the quarter it is
 * reported in, and what each kind must reference.
 */
export interface BudgetChange {
  readonly changeId: string;
  readonly gov: string;
  readonly year: number;
  readonly kind: ChangeKind;
  readonly reference: string;
  /** null for a 성립전예산 (the line is created). */
  readonly from: string | null;
  readonly to: string;
  /** Negative for a reversal. */
  readonly amount: number;
  readonly reason: string;
  readonly basis: string;
  readonly decidedAt: string;
  readonly decisionDate: string;
  readonly decidedBy: string;
  readonly role: string;
  /** The quarter of the decision: the council gets it by the end of the month after it (지방재정법 §49③, §47의2②). */
  readonly quarter: number;
  /** 이용: the 예산총칙 clause. */
  readonly clause?: string | undefined;
  /** 이체: the 조례 or 규칙 of the reorganisation. */
  readonly reorganisation?: { readonly act: string; readonly number: string; readonly date: string } | undefined;
  /** 예비비: general or disaster reserve; emergency (긴급재난대책) for 보조금. */
  readonly reserve?: { readonly emergency: boolean } | undefined;
  /** 성립전: the grant notice (or disaster recovery plan) and the matching revenue line. */
  readonly grant?: Readonly<Record<string, unknown>> | undefined;
  /** 과목경정: its journal (the wrong line's expense reversed, the right line's booked; recoding-journal.ts). */
  readonly journal?: JournalEntry | undefined;
  readonly reverses: string | null;
  readonly reversedBy: string | null;
}

export { REVERSAL_SUFFIX } from '#shared/stores/budget/posting-items.ts';

export function getChange(gov: string, year: number, kind: string, reference: string): Promise<BudgetChange | undefined> {
  return getPosting<BudgetChange>(changeKey(gov, year, kind, reference));
}

/** The changes of a year (of one kind, or all), each original marked with its reversal, in decision order. */
export async function listChanges(gov: string, year: number, kind?: ChangeKind): Promise<BudgetChange[]> {
  const items = (await queryPrefix(changesPartition(gov, year), kind ? `${kind}#` : '', { ConsistentRead: true })).map((item) =>
    toPosting<BudgetChange>(item),
  );
  const reversals = new Map(items.filter((c) => c.reverses).map((c) => [c.reverses, c.changeId]));
  return items
    .map((c) => ({ ...c, reversedBy: reversals.get(c.changeId) ?? null }))
    .sort((a, b) => a.decidedAt.localeCompare(b.decidedAt) || a.changeId.localeCompare(b.changeId));
}

export const putChange = (gov: string, year: number, reference: string, change: BudgetChange): TransactItem =>
  putPosting(changeKey(gov, year, change.kind, reference), 'budget-change', change);

/**
 * Moves `amount` of 예산현액 off a line (negative) or onto it (positive), counted in the named
 * component and in `changesNet`. Taking off is conditional on the budget and allotment the rule
 * was checked against (budget − allotted ≥ amount); putting on only needs the line to exist.
 */
export function moveBudget(
  gov: string,
  year: number,
  control: StoredLineControl,
  component: string,
  delta: number,
  extra: { readonly preEstablished?: number } = {},
): TransactItem {
  const names: Record<string, string> = { '#component': component };
  const values: Record<string, unknown> = { ':delta': delta, ':zero': 0 };
  const sets = [
    'budget = budget + :delta',
    '#component = if_not_exists(#component, :zero) + :delta',
    'changesNet = if_not_exists(changesNet, :zero) + :delta',
  ];
  if (extra.preEstablished !== undefined) {
    values[':pre'] = extra.preEstablished;
    sets.push('preEstablished = if_not_exists(preEstablished, :zero) + :pre');
  }
  const guard = delta < 0 ? ' AND budget = :budget AND allotted = :allotted' : '';
  if (delta < 0) Object.assign(values, { ':budget': control.budget, ':allotted': control.allotted });
  return {
    Update: {
      TableName: tableName(),
      Key: lineControlKey(gov, year, control.lineId),
      UpdateExpression: `SET ${sets.join(', ')}`,
      ConditionExpression: `attribute_exists(pk)${guard}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

const EXECUTED = ['committed', 'resolved', 'ordered', 'paid'] as const;

/**
 * 과목경정: moves an equal amount of each executed counter off the wrong line (delta < 0) or onto
 * the right one (delta > 0), conditional on the counters the rule was checked against.
 */
export function moveExecuted(gov: string, year: number, control: StoredLineControl, delta: number): TransactItem {
  const values: Record<string, unknown> = { ':delta': delta, ':zero': 0 };
  const guards = delta < 0 ? ['paid = :paid'] : ['allotted = :allotted', 'committed = :committed'];
  if (delta < 0) values[':paid'] = control.paid;
  else Object.assign(values, { ':allotted': control.allotted, ':committed': control.committed });
  return {
    Update: {
      TableName: tableName(),
      Key: lineControlKey(gov, year, control.lineId),
      UpdateExpression: `SET ${EXECUTED.map((name) => `${name} = ${name} + :delta`).join(', ')}, recodedNet = if_not_exists(recodedNet, :zero) + :delta`,
      ConditionExpression: `attribute_exists(pk) AND ${guards.join(' AND ')}`,
      ExpressionAttributeValues: values,
    },
  };
}

/** Creates a line's control item during execution (성립전예산): fails if the line exists. */
export function createControl(gov: string, year: number, item: Readonly<Record<string, unknown>> & { lineId: string }): TransactItem {
  return {
    Put: {
      TableName: tableName(),
      Item: { ...lineControlKey(gov, year, item.lineId), entity: 'budget-control', gov, year, ...item },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/**
 * Removes a line's control item that a 성립전예산 created, as the reversal of it: only while the item
 * is as the rule read it (예산현액 and 성립전 the granted amount, every counter 0), so a posting or a
 * change that lands first makes the reversal fail instead of removing a line something rests on;
 * nor once an allotment was ever posted on it (allotments.ts moveAllotted counts them).
 */
export function removeCreatedControl(gov: string, year: number, lineId: string, budget: number): TransactItem {
  return {
    Delete: {
      TableName: tableName(),
      Key: lineControlKey(gov, year, lineId),
      ConditionExpression: [
        'attribute_exists(pk) AND budget = :budget AND preEstablished = :budget',
        ...lineCounters.map((name) => `${name} = :zero`),
        '(attribute_not_exists(recodedNet) OR recodedNet = :zero)',
        'attribute_not_exists(allotmentPostings)',
      ].join(' AND '),
      ExpressionAttributeValues: { ':budget': budget, ':zero': 0 },
    },
  };
}
