import type { CashActivity, JournalLine } from '#shared/domain/accounting/journal.ts';
import type { AccountingEntity, CashFlow, EntityType } from '#shared/domain/accounting/ledger.ts';
import { specificNetAssets } from '#shared/domain/accounting/specific-net-assets.ts';
import type { EntityLedger } from '#shared/domain/accounting/statements/statement-set.ts';
import { cashAccount } from '#shared/domain/ledger/balances.ts';
import type { LedgerDayTotal, OpeningBalance } from '#shared/domain/settlement/ledger-totals.ts';
import { compare } from '#shared/domain/settlement/ledger-totals.ts';

/** A 회계 of the government as the closing reads it: its code, name and 회계실체 type (제6조①). */
export interface SettlementEntity {
  readonly id: string;
  readonly name: string;
  readonly type: EntityType;
}

/** The budget's account kinds (schemas/budget.ts `accountKinds`) as the 회계실체 types of 제6조①. */
export const entityTypeOfKind: Readonly<Record<string, EntityType>> = {
  general: '일반회계',
  'other-special': '기타특별회계',
  fund: '기금회계',
  'public-enterprise': '지방공기업특별회계',
};

/** ASCII ids of the types, for report totals and file names. */
export const typeIds: Readonly<Record<EntityType, string>> = {
  일반회계: 'general',
  기타특별회계: 'other-special',
  기금회계: 'fund',
  지방공기업특별회계: 'public-enterprise',
};

/**
 * Cash moved by a balance written without a 현금흐름 class: 경상활동, practice [U]. None since the statutory journal
 * and the 세입세출외현금's own lines (guarantee-deposits.ts custodyCashFlow); kept for balances written before.
 */
const unclassified = { activity: 'operating' as CashActivity, label: '기타' };

/**
 * Each 회계's ledger for the statements, from the running totals (never the postings): the opening
 * balances of the year, the year's totals per account and dimension as period lines, and the net
 * cash per 현금흐름 line (a correction or refund nets within its line, practice [U]). A fund the
 * budget has no account for is read as 일반회계.
 */
export function entityLedgers(
  entities: readonly SettlementEntity[],
  totals: readonly LedgerDayTotal[],
  opening: readonly OpeningBalance[],
  include: (day: string) => boolean,
): EntityLedger[] {
  const funds = [...new Set([...entities.map((e) => e.id), ...totals.map((t) => t.fund), ...opening.map((o) => o.fund)])].sort(compare);
  return funds.map((fund) => {
    const entity: AccountingEntity = entities.find((e) => e.id === fund) ?? { id: fund, name: fund, type: '일반회계' };
    const openingLines: JournalLine[] = opening
      .filter((o) => o.fund === fund)
      .map((o) => ({ account: o.account, debit: o.debit, credit: o.credit, ...(o.counterpart ? { counterpart: o.counterpart } : {}) }));
    const period: JournalLine[] = [];
    const flows = new Map<string, CashFlow>();
    for (const t of totals) {
      if (t.fund !== fund || !include(t.day)) continue;
      const dims = t.dims;
      period.push({
        account: t.account,
        debit: BigInt(t.debit),
        credit: BigInt(t.credit),
        ...(dims?.function ? { function: dims.function } : {}),
        ...(dims?.counterpart ? { counterpart: dims.counterpart } : {}),
      });
      if (t.account !== cashAccount) continue;
      const activity = (dims?.cashActivity || unclassified.activity) as CashActivity;
      const label = dims?.cashLabel || unclassified.label;
      const counterpart = dims?.cashCounterpart || undefined;
      const key = `${activity}|${label}|${counterpart ?? ''}`;
      const amount = (flows.get(key)?.amount ?? 0n) + BigInt(t.debit) - BigInt(t.credit);
      flows.set(key, { entity: fund, activity, label, amount, ...(counterpart ? { counterpart } : {}) });
    }
    return {
      entity,
      ledger: {
        entities: [fund],
        opening: openingLines,
        period,
        cashFlows: [...flows.values()].filter((f) => f.amount !== 0n),
        specificNetAssets: {
          opening: specificNetAssets(entity.type, openingLines),
          closing: specificNetAssets(entity.type, [...openingLines, ...period]),
        },
      },
    };
  });
}
