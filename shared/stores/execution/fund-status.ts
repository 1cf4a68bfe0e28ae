import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { CustodyMovement } from '#shared/domain/execution/custody-movements.ts';
import type { CashMovement } from '#shared/domain/ledger/balances.ts';
import { batchGet, keyOf } from '#shared/stores/table/batch-get.ts';

/**
 * Real-time fund status: one item per government and year, updated in the same write as the
 * postings that move cash, so it is current as soon as a posting is applied.
 *
 *   pk FUNDS#{gov}#{year}   sk STATUS   in#{fund}, out#{fund}: cash received and paid out (integer won,
 *                                       ADDed); custodyIn#{fund}, custodyOut#{fund}: 세입세출외현금
 *                                       deposited and released (part of in/out's cash, held for others);
 *                                       paid#{fund}: 세출 지출액 of the 회계 (payments only, not
 *                                       refunds; the nationwide execution rate reads it, the 기금 apart);
 *                                       expenditurePaid: the same before it was kept per 회계 (read as
 *                                       회계 '', never a 기금); gov, year, updatedAt
 *
 * One partition per government (not one for the nation), so no government's posting rate limits
 * another's; the nationwide view is a BatchGet of the 243 items.
 */
export const fundStatusKey = (gov: string, year: number) => ({ pk: `FUNDS#${gov}#${year}`, sk: 'STATUS' });

export function fundStatusUpdate(
  table: string,
  gov: string,
  year: number,
  movements: readonly CashMovement[],
  now: string,
  expenditurePaid: ReadonlyMap<string, number> = new Map(),
  custody: readonly CustodyMovement[] = [],
) {
  const names: Record<string, string> = { '#year': 'year' };
  const values: Record<string, unknown> = { ':gov': gov, ':year': year, ':now': now, ':entity': 'fund-status' };
  const adds = movements.map((movement, i) => {
    names[`#in${i}`] = `in#${movement.fund}`;
    names[`#out${i}`] = `out#${movement.fund}`;
    values[`:in${i}`] = movement.inflow;
    values[`:out${i}`] = movement.outflow;
    return `#in${i} :in${i}, #out${i} :out${i}`;
  });
  custody.forEach((movement, i) => {
    names[`#cin${i}`] = `custodyIn#${movement.fund}`;
    names[`#cout${i}`] = `custodyOut#${movement.fund}`;
    values[`:cin${i}`] = movement.deposited;
    values[`:cout${i}`] = movement.released;
    adds.push(`#cin${i} :cin${i}, #cout${i} :cout${i}`);
  });
  [...expenditurePaid].forEach(([fund, amount], i) => {
    names[`#paid${i}`] = `paid#${fund}`;
    values[`:paid${i}`] = amount;
    adds.push(`#paid${i} :paid${i}`);
  });
  return {
    Update: {
      TableName: table,
      Key: fundStatusKey(gov, year),
      UpdateExpression: `ADD ${adds.join(', ')} SET entity = :entity, gov = :gov, #year = :year, updatedAt = :now`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

export interface FundCash {
  readonly fund: string;
  readonly inflow: bigint;
  readonly outflow: bigint;
  /** 세입세출외현금 deposited and released (included in inflow/outflow's cash). */
  readonly custodyIn: bigint;
  readonly custodyOut: bigint;
}

export interface GovernmentFundStatus {
  readonly gov: string;
  readonly funds: readonly FundCash[];
  /** 세출 지출액 of the year (payments; absent before the counter existed = 0). */
  readonly expenditurePaid: bigint;
  /** The same per 회계 (what was counted before the per-회계 counter existed under ''). */
  readonly paidByAccount: ReadonlyMap<string, bigint>;
  readonly updatedAt: string | undefined;
}

export async function readFundStatus(gov: string, year: number): Promise<GovernmentFundStatus> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: tableName(), Key: fundStatusKey(gov, year), ConsistentRead: true }),
  );
  return toStatus(gov, Item);
}

/** The fund status of many governments (the nationwide view reads all 243): BatchGet, 100 keys a call. */
export async function readFundStatuses(govs: readonly string[], year: number): Promise<GovernmentFundStatus[]> {
  const found = await batchGet(govs.map((gov) => fundStatusKey(gov, year)));
  return govs.map((gov) => toStatus(gov, found.get(keyOf(fundStatusKey(gov, year)))));
}

function toStatus(gov: string, item: Record<string, unknown> | undefined): GovernmentFundStatus {
  const funds = new Map<string, { inflow: bigint; outflow: bigint; custodyIn: bigint; custodyOut: bigint }>();
  const field = { in: 'inflow', out: 'outflow', custodyIn: 'custodyIn', custodyOut: 'custodyOut' } as const;
  for (const [name, value] of Object.entries(item ?? {})) {
    const match = /^(in|out|custodyIn|custodyOut)#(.+)$/.exec(name);
    if (!match) continue;
    const fund = match[2]!;
    const entry = funds.get(fund) ?? { inflow: 0n, outflow: 0n, custodyIn: 0n, custodyOut: 0n };
    entry[field[match[1] as keyof typeof field]] += BigInt(value as number);
    funds.set(fund, entry);
  }
  const paidByAccount = new Map<string, bigint>();
  if (item?.expenditurePaid !== undefined) paidByAccount.set('', BigInt(item.expenditurePaid as number));
  for (const [name, value] of Object.entries(item ?? {})) {
    if (name.startsWith('paid#')) paidByAccount.set(name.slice('paid#'.length), BigInt(value as number));
  }
  return {
    gov,
    funds: [...funds.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([fund, cash]) => ({ fund, ...cash })),
    expenditurePaid: [...paidByAccount.values()].reduce((sum, paid) => sum + paid, 0n),
    paidByAccount,
    updatedAt: typeof item?.updatedAt === 'string' ? item.updatedAt : undefined,
  };
}
