import { depreciation } from '#shared/domain/accounting/adjustments.ts';
import { account, chart } from '#shared/domain/accounting/chart.ts';
import type { EntityLedger } from '#shared/domain/accounting/statements/statement-set.ts';
import type { RegisteredAsset } from '#shared/domain/accounting/year-end-adjustments.ts';
import { registeredOutstandingAt } from '#shared/domain/debt/debt-at-date.ts';
import type { RegisteredDebt } from '#shared/domain/debt/debt-at-date.ts';
import type { ReportRow } from '#shared/domain/reports/report.ts';

/** A bond or borrowing of the debt register as the notes show it (제41조①, 제54조). */
export interface NoteDebt {
  readonly debtId: string;
  readonly kind: string;
  readonly name: string;
  readonly principal: number;
  readonly rateBp: number;
  readonly issueDate: string;
  readonly maturityDate: string;
  readonly repaid: number;
  readonly outstanding: number;
  /** The register's dated repayments and their reversals (a reversed repayment counts as never made). */
  readonly entries?: RegisteredDebt['entries'];
}

/** What the notes read beyond the ledgers: the asset register and the debt register, as of the closing. */
export interface NotesData {
  readonly register: readonly RegisteredAsset[];
  readonly debts: readonly NoteDebt[];
}

const won = (amount: bigint | number) => `${amount.toString()}원`;

/**
 * 주석 (제8조①5, 제41조) from what the books hold: the 회계실체, the accounting policies (제41조①), the
 * 유형자산 of the asset register with this year's acquisitions, depreciation and accumulated
 * depreciation (제49·50조), the 대손충당금 of each receivable (제46조①), the 지방채 and 차입금 of the debt
 * register (제54조), the 회계실체간 주요 거래 (제41조②1), and what hojo does not record (보증채무,
 * 우발상황: 제41조②3·5, 제59조).
 */
export function statementNotes(year: number, current: readonly EntityLedger[], data: NotesData): ReportRow[] {
  const notes: [string, string][] = [
    ...current.map((e): [string, string] => ['회계실체', `${e.entity.id} ${e.entity.name}: ${e.entity.type} (제6조①)`]),
    [
      '작성기준',
      '「지방자치단체 회계기준에 관한 규칙」; 계정코드와 예산과목-회계과목 연계는 프로젝트 자체 (shared/data/accounting/SOURCES.md)',
    ],
    ...policies(),
    ...assetNotes(year, data.register),
    ...allowanceNotes(current),
    ...debtNotes(year, data.debts),
    ...internalTransactions(current),
    [
      '보증채무·우발상황',
      '장부와 채무대장에 기록된 보증채무부담행위·담보보증·우발상황 없음 (제41조②3·5, 제59조: hojo는 이를 기록하지 않음)',
    ],
  ];
  return notes.map(([title, body], i) => ({ no: String(i + 1), title, body }));
}

function policies(): [string, string][] {
  return [
    [
      '회계정책: 내부거래',
      '유형별은 유형 내, 통합은 모든 회계실체 간 내부거래(전출금·전입금과 그 채권·채무)를 상계 (제9조①②); 미상계 차이는 순자산변동표 기타',
    ],
    [
      '회계정책: 유형자산',
      '취득원가(건설원가·매입가액 + 부대비용, 제49조①); 건설중인자산은 준공 시 본계정 대체; 감가상각은 정액법, 준공월부터 월할 (제49조②, 제50조①); 유지보수로 현상이 유지되는 사회기반시설은 상각 제외 가능 (제50조②)',
    ],
    ['회계정책: 대손충당금', '미수세금·미수세외수입금·장기융자금 잔액에 회계책임관이 정한 대손추정률을 곱한 금액으로 설정 (제46조)'],
    [
      '회계정책: 지방채',
      '액면가액으로 기록하고 할인발행차금은 차감, 할증발행차금은 가산 표시; 발행시부터 최종 상환시까지 상환일정표의 현금흐름에 따른 유효이자율법(월할)으로 상각·환입하여 이자비용에 가감; 조기상환분의 잔여 차금은 상환 시 일시 상각 (제54조)',
    ],
    ['회계정책: 특정순자산', '기금회계 실체의 순자산 중 고정순자산이 아닌 금액 (제25조③: 사용목적이 특정된 재원); 그 밖의 회계는 0'],
    [
      '회계정책: 현금흐름',
      '유입과 유출은 과목별 총액 (제37조②); 환급(과오납 반환)은 그 수납과 같은 현금흐름 과목에서 차감한 순액으로 표시 (실무, 미확인)',
    ],
  ];
}

/** Accumulated depreciation through `year`: the straight-line charges of every year in service. */
function accumulated(asset: RegisteredAsset, year: number): bigint {
  let total = 0n;
  for (let y = Number(asset.inService.slice(0, 4)); y <= year; y++) {
    const entry = depreciation(asset, y);
    total += entry?.lines[0]?.debit ?? 0n;
  }
  return total;
}

function assetNotes(year: number, register: readonly RegisteredAsset[]): [string, string][] {
  const order = new Map(chart.map((a, i) => [a.code, i]));
  const inService = register
    .filter((a) => Number(a.inService.slice(0, 4)) <= year)
    .sort((a, b) => (order.get(a.account) ?? 0) - (order.get(b.account) ?? 0) || a.assetId.localeCompare(b.assetId));
  if (inService.length === 0) return [['유형자산 변동', '자산대장에 등록된 유형자산 없음']];
  return inService.map((a) => {
    const thisYear = depreciation(a, year)?.lines[0]?.debit ?? 0n;
    const total = accumulated(a, year);
    const acquired = Number(a.inService.slice(0, 4)) === year ? a.cost : 0n;
    const basis = a.usefulLifeYears === null || a.maintainedInCondition ? '상각 제외' : `내용연수 ${a.usefulLifeYears}년`;
    return [
      '유형자산 변동',
      `${a.entity} ${account(a.account).nameKo} ${a.assetId} (${a.inService} 준공, ${basis}): 기초 취득원가 ${won(a.cost - acquired)}, ` +
        `당기 증가 ${won(acquired)}, 기말 취득원가 ${won(a.cost)}, 당기 감가상각비 ${won(thisYear)}, 감가상각누계액 ${won(total)}, ` +
        `장부가액 ${won(a.cost - total)}`,
    ];
  });
}

function allowanceNotes(current: readonly EntityLedger[]): [string, string][] {
  const notes: [string, string][] = [];
  for (const { entity, ledger } of current) {
    const lines = [...ledger.opening, ...ledger.period];
    const balance = (code: string) => lines.filter((l) => l.account === code).reduce((s, l) => s + l.debit - l.credit, 0n);
    for (const allowance of chart.filter((a) => a.role === 'allowance')) {
      const reserved = -balance(allowance.code);
      if (reserved === 0n) continue;
      notes.push([
        '대손충당금',
        `${entity.id} ${account(allowance.contraOf).nameKo} ${won(balance(allowance.contraOf))} 중 대손충당금 ${won(reserved)} (제46조)`,
      ]);
    }
  }
  return notes;
}

/** One instrument's year: principal outstanding at the opening, issued, repaid (dated), at the closing. */
export interface DebtMovement {
  readonly opening: bigint;
  readonly issued: bigint;
  readonly repayments: readonly { readonly date: string; readonly amount: bigint }[];
  readonly repaid: bigint;
  readonly closing: bigint;
}

/**
 * 기초 → 발행 → 상환 → 기말 of one bond or borrowing in the fiscal year, from the register's dated
 * events (the same reading as 예산대비채무비율 as of a date, debt-at-date.ts): opening = outstanding at
 * 31 December of last year, closing = at 31 December of this year, the repayments dated inside the
 * year that were not reversed. closing = opening + issued − repaid.
 */
export function debtMovement(debt: NoteDebt, year: number): DebtMovement {
  const registered: RegisteredDebt = { issueDate: debt.issueDate, principal: debt.principal, entries: debt.entries ?? [] };
  const opening = registeredOutstandingAt([registered], `${year - 1}-12-31`);
  const closing = registeredOutstandingAt([registered], `${year}-12-31`);
  const issued = Number(debt.issueDate.slice(0, 4)) === year ? BigInt(debt.principal) : 0n;
  const reversed = new Set(registered.entries.filter((e) => e.type === 'reversal').map((e) => e.reverses));
  const repayments = registered.entries
    .filter((e) => e.type === 'repayment' && e.date.slice(0, 4) === String(year) && !reversed.has(e.entryId))
    .map((e) => ({ date: e.date, amount: BigInt(e.amount) }))
    .sort((a, b) => a.date.localeCompare(b.date));
  return { opening, issued, repayments, repaid: opening + issued - closing, closing };
}

/**
 * 제41조 (주석) and 제54조 (지방채): per instrument held in the year, its terms and its movement —
 * 기초, 당기 발행, 당기 상환 with the date of each repayment, 기말 — then the total of every instrument.
 */
function debtNotes(year: number, debts: readonly NoteDebt[]): [string, string][] {
  const moved = debts
    .filter((d) => Number(d.issueDate.slice(0, 4)) <= year)
    .map((d) => ({ d, m: debtMovement(d, year) }))
    .filter(({ m }) => m.opening !== 0n || m.issued !== 0n || m.closing !== 0n);
  if (moved.length === 0) return [['지방채·차입금', '채무대장에 기록된 지방채·차입금 없음']];
  const rows = moved.map(({ d, m }): [string, string] => [
    '지방채·차입금',
    `${d.debtId} ${d.name} (${d.kind === 'local-bond' ? '지방채증권' : '장기차입금'}, 연 ${(d.rateBp / 100).toFixed(2)}%, ` +
      `${d.issueDate} 발행 ${won(d.principal)}, 만기 ${d.maturityDate}): 기초 ${won(m.opening)}, 당기 발행 ${won(m.issued)}, ` +
      `당기 상환 ${won(m.repaid)}${m.repayments.length > 0 ? ` (${m.repayments.map((r) => `${r.date} ${won(r.amount)}`).join(', ')})` : ''}, ` +
      `기말 ${won(m.closing)} (채무대장의 일자별 발행·상환)`,
  ]);
  const sum = (pick: (m: DebtMovement) => bigint) => moved.reduce((total, { m }) => total + pick(m), 0n);
  rows.push([
    '지방채·차입금 합계',
    `기초 ${won(sum((m) => m.opening))}, 당기 발행 ${won(sum((m) => m.issued))}, 당기 상환 ${won(sum((m) => m.repaid))}, ` +
      `기말 ${won(sum((m) => m.closing))}`,
  ]);
  return rows;
}

/** 제41조②1: what each 회계실체 transferred to the others (회계간전출금 by counterpart), eliminated in 통합. */
function internalTransactions(current: readonly EntityLedger[]): [string, string][] {
  const notes: [string, string][] = [];
  for (const { entity, ledger } of current) {
    const byCounterpart = new Map<string, bigint>();
    for (const l of ledger.period) {
      const a = account(l.account);
      if (!a.internal || a.class !== 'expense' || !l.counterpart) continue;
      byCounterpart.set(l.counterpart, (byCounterpart.get(l.counterpart) ?? 0n) + l.debit - l.credit);
    }
    for (const [counterpart, amount] of [...byCounterpart].sort(([a], [b]) => a.localeCompare(b))) {
      if (amount !== 0n) notes.push(['회계실체간 주요 거래', `${entity.id} → ${counterpart} 전출 ${won(amount)} (통합에서 상계)`]);
    }
  }
  return notes;
}
