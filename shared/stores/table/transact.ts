import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * The items of one TransactWrite, by name. A name may stand for several items (the journal lines
 * of a posting); names whose items are unconditional can never fail and need not be asked about.
 */
export type NamedItems<Name extends string> = Readonly<Record<Name, TransactItem | readonly TransactItem[]>>;

/** The outcome of a TransactWrite: which named items failed their condition, if it was cancelled. */
export type TransactOutcome<Name extends string> = { readonly ok: true } | { readonly ok: false; readonly failed: ReadonlySet<Name> };

/**
 * Writes the named items all or nothing. A cancellation whose reasons are failed conditions (or a
 * TransactionConflict: another write touched that item at the same moment, the same situation for
 * callers, who re-read and retry or answer 409) comes back as the names that failed; any other
 * error is thrown.
 */
export async function transact<Name extends string>(named: NamedItems<Name>): Promise<TransactOutcome<Name>> {
  const names: Name[] = [];
  const items: TransactItem[] = [];
  for (const [name, value] of Object.entries(named) as [Name, TransactItem | readonly TransactItem[]][]) {
    for (const item of Array.isArray(value) ? (value as readonly TransactItem[]) : [value as TransactItem]) {
      names.push(name);
      items.push(item);
    }
  }
  try {
    await dynamoClient().send(new TransactWriteCommand({ TransactItems: items }));
    return { ok: true };
  } catch (error) {
    const cancelled = error as { name?: string; CancellationReasons?: { Code?: string }[] };
    if (cancelled.name !== 'TransactionCanceledException' || !cancelled.CancellationReasons) throw error;
    const lost = (code: string | undefined) => code === 'ConditionalCheckFailed' || code === 'TransactionConflict';
    const failed = new Set(cancelled.CancellationReasons.flatMap((reason, index) => (lost(reason.Code) ? [names[index] as Name] : [])));
    if (failed.size === 0) throw error;
    return { ok: false, failed };
  }
}

/**
 * Positional form, kept only while the stores move to named items (#11); removed when the last
 * caller is gone.
 */
export async function transactList(
  items: readonly TransactItem[],
): Promise<{ readonly ok: true } | { readonly ok: false; readonly failed: readonly number[] }> {
  const outcome = await transact(Object.fromEntries(items.map((item, index) => [String(index), item])) as NamedItems<string>);
  return outcome.ok ? outcome : { ok: false, failed: [...outcome.failed].map(Number) };
}
