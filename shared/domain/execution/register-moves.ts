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
 * Once the year's depreciation is recorded the move is refused instead (registeredPurchasesRefusal): the
 * depreciation already charged on the old asset would have to be reversed and charged again [not built].
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
