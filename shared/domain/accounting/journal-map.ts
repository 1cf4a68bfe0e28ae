import rows from '#shared/data/accounting/journal-map.json' with { type: 'json' };
import { account, accountWithRole } from '#shared/domain/accounting/chart.ts';
import type { AssetClass } from '#shared/domain/accounting/chart.ts';
import { creditLine, debitLine, won } from '#shared/domain/accounting/journal.ts';
import type { CashActivity, Dimensions, JournalEntry, JournalLine } from '#shared/domain/accounting/journal.ts';

/**
 * The automatic journal (예산과목 → 회계과목), as one data table: shared/data/accounting/journal-map.csv.
 * A row matches a 세출 편성목/통계목 code (a group row such as `200` covers the whole group, `311`
 * covers `311-02`) or a 세입 category code, optionally under a condition on one line attribute; the most
 * specific code wins. The posting stage picks which of the row's accounts are debited and credited.
 * The official 연계표 is not public: each row's `basis` names the article it follows or marks it [U].
 */
export type Source = 'expenditure' | 'revenue';
export type Stage = ExpenditureStage | RevenueStage;
/** 지출결의 (accrue the cost), 지급 (pay what was accrued), or both at once. */
export type ExpenditureStage = 'resolve' | 'pay' | 'pay-direct';
/** 징수결정, 수납 of what was assessed, 수납 without prior assessment, 불납결손. */
export type RevenueStage = 'assess' | 'collect' | 'collect-direct' | 'write-off';

/** 세출 structure types (정책사업, 행정운영경비, 재무활동): 사업총원가 vs 관리운영비 (제26조②). */
export type StructureType = '정책사업' | '행정운영경비' | '재무활동';
export type DebtInstrument = '지방채증권' | '장기차입금';

export interface JournalMapRow {
  readonly source: Source;
  readonly code: string;
  readonly name: string;
  readonly condition: { readonly attribute: keyof LineAttributes; readonly value: string } | null;
  readonly action: 'post' | 'refuse' | 'memo';
  /** The cost, asset, liability or revenue account the budget item lands on. */
  readonly target: string;
  /** 미지급금 for 세출; the receivable (미수세금, 미수세외수입금, 미수금) for 세입. */
  readonly settlement: string;
  /** The 대손충당금 of the receivable, where 제46조 applies. */
  readonly allowance: string;
  readonly cashActivity: CashActivity | '';
  readonly basis: string;
}

export const journalMap: readonly JournalMapRow[] = rows.map((row) => {
  const [attribute, value] = row.condition ? row.condition.split('=') : [];
  return {
    source: row.source as Source,
    code: row.code,
    name: row.name,
    condition: attribute && value ? { attribute: attribute as keyof LineAttributes, value } : null,
    action: row.action as JournalMapRow['action'],
    target: row.target,
    settlement: row.settlement,
    allowance: row.allowance,
    cashActivity: row.cash_activity as JournalMapRow['cashActivity'],
    basis: row.basis,
  };
});

type Slot = 'target' | 'settlement' | 'allowance' | 'cash';
/** Which row account each stage debits and credits. */
export const stageTemplates: Readonly<Record<Stage, { source: Source; debit: Slot; credit: Slot }>> = {
  resolve: { source: 'expenditure', debit: 'target', credit: 'settlement' },
  pay: { source: 'expenditure', debit: 'settlement', credit: 'cash' },
  'pay-direct': { source: 'expenditure', debit: 'target', credit: 'cash' },
  assess: { source: 'revenue', debit: 'settlement', credit: 'target' },
  collect: { source: 'revenue', debit: 'cash', credit: 'settlement' },
  'collect-direct': { source: 'revenue', debit: 'cash', credit: 'target' },
  'write-off': { source: 'revenue', debit: 'allowance', credit: 'settlement' },
};

/** What a budget line tells the books beyond its code. */
export interface LineAttributes {
  readonly structureType?: StructureType;
  /** Required on capital lines (401, 405): which of the three fixed-asset classes (제14조①). */
  readonly assetClass?: AssetClass;
  /** Optional on 405: the asset account inside the class (e.g. 1306 차량운반구); default: the class's 기타 account. */
  readonly assetAccount?: string;
  /**
   * Optional on 401/405: the 내용연수 (years) of what the line buys or builds, carried onto its
   * acquisitions so the depreciation (제49조②, 정액법) uses the asset's own life. The rule sets no
   * lives; the table by asset kind is the ministry's (회계처리지침, 제41조③·제44조) [U] not read.
   */
  readonly usefulLifeYears?: number;
  /** 세출 기능별 분야 code, required when the cost or revenue is reported by 기능. */
  readonly function?: string;
  /** The receiving / paying 회계실체 of an internal transfer (700, 전입금). */
  readonly internalCounterpart?: string;
  readonly debtInstrument?: DebtInstrument;
}

export type PostingInput = {
  readonly entity: string;
  readonly stage: Stage;
  readonly amount: bigint | number;
} & LineAttributes &
  ({ readonly itemCode: string; readonly revenueCode?: never } | { readonly revenueCode: string; readonly itemCode?: never });

export type JournalMappingFailure = 'reserve-fund' | 'missing-attribute' | 'unmapped' | 'unsupported-stage' | 'invalid-attribute';

export class JournalMappingError extends Error {
  readonly reason: JournalMappingFailure;
  /** The line attribute that is missing or invalid, when one is. */
  readonly attribute: keyof LineAttributes | undefined;
  constructor(reason: JournalMappingFailure, message: string, attribute?: keyof LineAttributes) {
    super(message);
    this.reason = reason;
    this.attribute = attribute;
    this.name = 'JournalMappingError';
  }
}

const isGroupCode = (code: string) => /^\d00$/.test(code);
const covers = (rowCode: string, code: string) =>
  code === rowCode || code.startsWith(`${rowCode}-`) || (isGroupCode(rowCode) && code.charAt(0) === rowCode.charAt(0));
const specificity = (rowCode: string) => (isGroupCode(rowCode) ? 1 : rowCode.length);

/** The row a posting follows: the most specific code, then the row whose condition the line meets. */
export function mapRowFor(source: Source, code: string, attributes: LineAttributes): JournalMapRow {
  const candidates = journalMap.filter((r) => r.source === source && covers(r.code, code));
  const best = Math.max(0, ...candidates.map((r) => specificity(r.code)));
  const rowsOfCode = candidates.filter((r) => specificity(r.code) === best);
  if (rowsOfCode.length === 0) throw new JournalMappingError('unmapped', `no journal rule for ${source} code ${code}`);
  const unconditional = rowsOfCode.find((r) => r.condition === null);
  if (unconditional) return unconditional;
  const attribute = rowsOfCode[0]!.condition!.attribute;
  const given = attributes[attribute];
  if (given === undefined)
    throw new JournalMappingError('missing-attribute', `${source} code ${code} needs the line attribute ${attribute}`, attribute);
  const match = rowsOfCode.find((r) => r.condition!.value === given);
  if (!match)
    throw new JournalMappingError('invalid-attribute', `no journal rule for ${source} code ${code} with ${attribute}=${given}`, attribute);
  return match;
}

/** The balanced lines of one budget posting (자동분개), or an empty entry with a memo where none is due. */
export function journalFor(input: PostingInput): JournalEntry {
  const source: Source = input.itemCode !== undefined ? 'expenditure' : 'revenue';
  const code = input.itemCode ?? input.revenueCode!;
  const row = mapRowFor(source, code, input);
  if (row.action === 'refuse') {
    throw new JournalMappingError('reserve-fund', `${code} ${row.name} is never journaled: post the 목 it was moved to (${row.basis})`);
  }
  const amount = won(input.amount);
  if (row.action === 'memo') return { entity: input.entity, lines: [], memo: `${row.name} ${amount}: ${row.basis}` };

  const template = stageTemplates[input.stage];
  if (template.source !== source) throw new JournalMappingError('unsupported-stage', `stage ${input.stage} is not a ${source} stage`);
  const target = targetAccount(row, input);
  const counterpart = internalCounterpartOf(target, input);
  const slot = (s: Slot): string => {
    const code = s === 'cash' ? accountWithRole('유동자산', 'cash').code : s === 'target' ? target : row[s];
    if (!code) throw new JournalMappingError('unsupported-stage', `${row.code} ${row.name} has no ${s} account for stage ${input.stage}`);
    return code;
  };
  const dims = (code: string): Dimensions => ({
    function: input.function,
    ...(counterpart && account(code).role !== 'cash' ? { counterpart } : {}),
  });
  const debit = slot(template.debit);
  const credit = slot(template.credit);
  const lines: JournalLine[] = [debitLine(debit, amount, dims(debit)), creditLine(credit, amount, dims(credit))];
  const touchesCash = template.debit === 'cash' || template.credit === 'cash';
  return {
    entity: input.entity,
    lines,
    ...(touchesCash
      ? { cash: { activity: row.cashActivity as CashActivity, label: row.name, ...(counterpart ? { counterpart } : {}) } }
      : {}),
  };
}

/** 405 may name the asset account inside its class; everything else lands on the row's target. */
function targetAccount(row: JournalMapRow, input: LineAttributes): string {
  if (input.assetAccount === undefined || account(row.target).role !== 'acquisition') return row.target;
  const chosen = account(input.assetAccount);
  if (chosen.section !== account(row.target).section || chosen.role !== '') {
    throw new JournalMappingError(
      'invalid-attribute',
      `asset account ${input.assetAccount} is not an asset of class ${account(row.target).section}`,
      'assetAccount',
    );
  }
  return chosen.code;
}

/** 내부거래 (제3조3) must name the other 회계실체, so that 유형별/통합 statements can eliminate it (제9조). */
function internalCounterpartOf(target: string, input: PostingInput): string | undefined {
  if (!account(target).internal) return undefined;
  if (!input.internalCounterpart)
    throw new JournalMappingError('missing-attribute', `internal transfer needs internalCounterpart`, 'internalCounterpart');
  if (input.internalCounterpart === input.entity) {
    throw new JournalMappingError('invalid-attribute', `internal transfer from ${input.entity} to itself`, 'internalCounterpart');
  }
  return input.internalCounterpart;
}
