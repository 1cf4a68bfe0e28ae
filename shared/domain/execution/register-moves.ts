import { AdjustmentError, depreciation } from '#shared/domain/accounting/adjustments.ts';
import { creditLine, debitLine, MissingFunctionError } from '#shared/domain/accounting/journal.ts';
import type { JournalEntry as BookEntry, JournalLine } from '#shared/domain/accounting/journal.ts';
import type { AccountLife, RegisteredAsset } from '#shared/domain/accounting/year-end-adjustments.ts';
import type { Acquisition } from '#shared/domain/execution/acquisitions.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/**
 * A 과목경정 (or its reversal) that moves asset purchases after the year's purchases went into the asset
 * register (결산정리 `acquisitions`) moves the registered assets with them, in the recoding's transaction:
 * the register follows the books (회계기준규칙 제49조①: an asset is carried at its 취득원가, on the account of
 * its class; 제60조② treats a 계정분류의 오류 as corrected, not kept). The recoding's journal already moves the
 * amount between the asset (or expense) accounts; the register moves by the recoding's acquisition records
 * (acquisitions.ts recodedAcquisitions / unrecodedAcquisitions), each naming the asset it changes:
 *   a record that reverses a purchase (or a moved part) lowers that asset's cost (0: it leaves the register);
 *   a new record (the part moved onto the right asset account) enters the register as its own asset, in
 *   service since the purchase's date, with the right line's 내용연수, else the one the acquisitions entry
 *   gave its account, and names the asset it came from (`movedFrom`) and the recoding (`movedBy`).
 * Once the year's depreciation is recorded the move also corrects it, in the same transaction
 * (depreciationRecharge below): the charge on the old asset is reversed and charged again on what the
 * register now holds.
 */
export interface RegisterMove {
  /** Assets whose cost changes, with the cost they had (the write's condition). */
  readonly changed: readonly { readonly asset: RegisteredAsset; readonly previousCost: bigint }[];
  /** Assets whose cost falls to 0, with the cost they had. */
  readonly removed: readonly { readonly asset: RegisteredAsset; readonly previousCost: bigint }[];
  /** Parts moved onto another asset account: new assets of the register. */
  readonly added: readonly { readonly asset: RegisteredAsset; readonly movedFrom?: string }[];
}

export function registerMove(
  changeId: string,
  records: readonly Acquisition[],
  register: readonly RegisteredAsset[],
  lives: readonly AccountLife[],
  year: number,
): RegisterMove | Refusal {
  const byId = new Map(register.map((a) => [`${a.entity}|${a.assetId}`, a]));
  const cost = new Map<string, bigint>();
  const added = new Map<string, { asset: RegisteredAsset; movedFrom?: string }>();
  for (const r of records) {
    const id = r.reverses ?? r.postingId;
    const key = `${r.fund}|${id}`;
    const existing = byId.get(key) ?? added.get(key)?.asset;
    if (existing) {
      const next = (cost.get(key) ?? existing.cost) + BigInt(r.amount);
      if (next < 0n) return notInRegister(changeId, id, `would take ${-r.amount} off a registered cost of ${existing.cost}`);
      cost.set(key, next);
      continue;
    }
    if (r.amount <= 0) return notInRegister(changeId, id, 'is not in the register');
    const life = r.usefulLifeYears ?? lives.find((l) => l.assetAccount === r.account)?.usefulLifeYears;
    if (life === undefined)
      return notInRegister(changeId, id, `moves onto ${r.account}, whose useful life neither its line nor the acquisitions entry gives`);
    const from = r.postingId.split('.to.')[1];
    added.set(key, {
      ...(from ? { movedFrom: from } : {}),
      asset: {
        assetId: id,
        registeredYear: year,
        entity: r.fund,
        account: r.account,
        cost: BigInt(r.amount),
        residual: 0n,
        inService: r.date,
        usefulLifeYears: life,
        structureType: r.structureType,
        ...(r.function ? { function: r.function } : {}),
      },
    });
  }
  const changed: RegisterMove['changed'][number][] = [];
  const removed: RegisterMove['removed'][number][] = [];
  for (const [key, next] of cost) {
    const fresh = added.get(key);
    if (fresh) {
      if (next === 0n) added.delete(key);
      else added.set(key, { ...fresh, asset: { ...fresh.asset, cost: next } });
      continue;
    }
    const asset = byId.get(key) as RegisteredAsset;
    if (next === asset.cost) continue;
    (next === 0n ? removed : changed).push({ asset: { ...asset, cost: next }, previousCost: asset.cost });
  }
  return { changed, removed, added: [...added.values()] };
}

const notInRegister = (changeId: string, assetId: string, why: string): Refusal =>
  refusal('conflict', 'recoding-after-register', `${changeId}: asset ${assetId} ${why}`, {
    rule: 'a 과목경정 after the register moves registered purchases only (회계기준규칙 제49조①)',
    assetId,
  });

/**
 * The depreciation a move corrects once the year's depreciation is recorded (제49조②: 정액법 on the asset
 * of its class, at its 취득원가 제49조①). 회계기준규칙 제60조② names the 계정분류의 오류 among the errors it
 * corrects, but speaks of errors "전년도 이전에 발생한" (of earlier years: a non-material one goes into the
 * year's 재정운영표, ②2); an error of the year found before its 결산 is simply corrected in that year's own
 * entries, which is what this does (practice, read from 제60조② by analogy [U]). The year's charge already
 * written from the register (dated 31 December, year-end-adjustments.ts) is reversed for each asset the
 * move changes or removes, at the cost it had, and charged again at the cost it now has; a moved part is
 * charged on its new class from its purchase's month. The lines are netted per account (and 기능), one
 * entry per 회계: Dr 감가상각누계액 of the old class / Cr 감가상각비 what is taken back, Dr 감가상각비 /
 * Cr 감가상각누계액 of the new class what is charged. No line when nothing changes. A valuation the rule
 * refuses (residual above the new cost) is a refusal.
 */
export function depreciationRecharge(changeId: string, move: RegisterMove, year: number): BookEntry[] | Refusal {
  const charges: { entry: BookEntry; sign: 1n | -1n }[] = [];
  const charge = (asset: RegisteredAsset, sign: 1n | -1n) => {
    const entry = depreciation(asset, year);
    if (entry) charges.push({ entry, sign });
  };
  try {
    for (const { asset, previousCost } of [...move.changed, ...move.removed]) {
      charge({ ...asset, cost: previousCost }, -1n);
      if (asset.cost > 0n) charge(asset, 1n);
    }
    for (const { asset } of move.added) charge(asset, 1n);
  } catch (error) {
    if (!(error instanceof AdjustmentError || error instanceof MissingFunctionError)) throw error;
    return refusal('conflict', 'recoding-after-register', `${changeId}: ${error.message}`, {
      rule: 'the depreciation recharged after a 과목경정 follows the valuation rule (회계기준규칙 제49조②)',
    });
  }
  const net = new Map<string, { entity: string; account: string; function?: string; amount: bigint }>();
  for (const { entry, sign } of charges)
    for (const l of entry.lines) {
      const key = `${entry.entity}|${l.account}|${l.function ?? ''}`;
      const row = net.get(key) ?? { entity: entry.entity, account: l.account, ...(l.function ? { function: l.function } : {}), amount: 0n };
      net.set(key, { ...row, amount: row.amount + sign * (l.debit - l.credit) });
    }
  const byEntity = new Map<string, JournalLine[]>();
  for (const row of [...net.values()].sort((a, b) => a.account.localeCompare(b.account))) {
    if (row.amount === 0n) continue;
    const dims = row.function ? { function: row.function } : {};
    const line = row.amount > 0n ? debitLine(row.account, row.amount, dims) : creditLine(row.account, -row.amount, dims);
    byEntity.set(row.entity, [...(byEntity.get(row.entity) ?? []), line]);
  }
  return [...byEntity].map(([entity, lines]) => ({ entity, lines }));
}
