import { account, assetClasses, UnknownAccountError } from '#shared/domain/accounting/chart.ts';
import type { AssetClass } from '#shared/domain/accounting/chart.ts';
import { journalFor, JournalMappingError } from '#shared/domain/accounting/journal-map.ts';
import type { DebtInstrument, LineAttributes, StructureType } from '#shared/domain/accounting/journal-map.ts';
import { MissingFunctionError } from '#shared/domain/accounting/journal.ts';
import { fieldOfSector } from '#shared/domain/budget/classification.ts';
import type { assetClassIds, debtInstruments, structureTypes } from '#shared/domain/budget/line-attribute-ids.ts';
import type { ProblemCode } from '#shared/domain/problem-codes.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/**
 * What a budget line tells the statutory books (「지방자치단체 회계기준에 관한 규칙」) beyond its code:
 * the accounting module's vocabulary the API's ids for the line attributes (line-attribute-ids.ts) stand for. The
 * journal map (shared/data/accounting/journal-map.csv) decides which attribute a code needs; a line
 * is checked against it when it is written, so that no posting on it can later fail to journal.
 */

const structureTypeOf: Readonly<Record<(typeof structureTypes)[number], StructureType>> = {
  program: '정책사업',
  administrative: '행정운영경비',
  financial: '재무활동',
};
const assetClassOf: Readonly<Record<(typeof assetClassIds)[number], AssetClass>> = {
  general: '일반유형자산',
  'resident-facility': '주민편의시설',
  infrastructure: '사회기반시설',
};
const debtInstrumentOf: Readonly<Record<(typeof debtInstruments)[number], DebtInstrument>> = {
  bond: '지방채증권',
  borrowing: '장기차입금',
};

/** The accounting attributes as a line carries them (both kinds; each takes the ones that apply). */
export interface LineAccountingInput {
  readonly kind: 'expenditure' | 'revenue';
  readonly account: string;
  readonly statItem?: string;
  readonly category?: string;
  readonly revenueCode?: string | undefined;
  readonly sector?: string | undefined;
  readonly structureType?: (typeof structureTypes)[number] | undefined;
  readonly assetClass?: (typeof assetClassIds)[number] | undefined;
  readonly assetAccount?: string | undefined;
  readonly usefulLifeYears?: number | undefined;
  readonly internalCounterpart?: string | undefined;
  readonly debtInstrument?: (typeof debtInstruments)[number] | undefined;
}

/** The journal inputs of a line: which code it maps by and its attributes, in the accounting module's terms. */
export interface LineJournalAttributes extends LineAttributes {
  readonly source: 'expenditure' | 'revenue';
  /** 통계목 of an expenditure line; the revenue sub-code (or the category) of a revenue line. */
  readonly code: string;
}

export function lineJournalAttributes(line: LineAccountingInput): LineJournalAttributes {
  const field = line.sector === undefined ? undefined : fieldOfSector(line.sector);
  return {
    source: line.kind,
    code: line.kind === 'expenditure' ? (line.statItem ?? '') : (line.revenueCode ?? line.category ?? ''),
    ...(line.kind === 'expenditure' ? { structureType: structureTypeOf[line.structureType ?? 'program'] } : {}),
    ...(line.assetClass ? { assetClass: assetClassOf[line.assetClass] } : {}),
    ...(line.assetAccount ? { assetAccount: line.assetAccount } : {}),
    ...(line.usefulLifeYears ? { usefulLifeYears: line.usefulLifeYears } : {}),
    ...(field ? { function: field } : {}),
    ...(line.internalCounterpart ? { internalCounterpart: line.internalCounterpart } : {}),
    ...(line.debtInstrument ? { debtInstrument: debtInstrumentOf[line.debtInstrument] } : {}),
  };
}

/** The request field that carries an accounting attribute (function comes from the 부문). */
const fieldOfAttribute = (attribute: keyof LineAttributes | undefined): string =>
  attribute === 'function' ? 'sector' : attribute === undefined ? 'revenueCode' : attribute;

export interface LineAccountingProblem {
  readonly code: ProblemCode;
  readonly field: string;
  readonly detail: string;
}

/**
 * Whether the journal map can book every posting on the line (a trial journal of 1 won at the
 * line's first stage): 401/405 need the asset class (제14조①, 제49조), 100–300 a structure type
 * (제26조②), 601 and 지방채 the instrument (제23조), 700 and 전입금 the other 회계 of this government
 * (제3조3, 제9조), 사업총원가 and 사업수익 a 기능 (제26조②1); 세입 categories that map to several
 * treatments (세외수입, 보조금, 보전수입등 및 내부거래) a sub-code. 801 예비비 is budgeted but never
 * executed (refused at the commitment), so it passes here.
 */
export function lineAccountingProblem(line: LineAccountingInput, accounts: ReadonlySet<string>): LineAccountingProblem | undefined {
  const attributes = lineJournalAttributes(line);
  if (line.revenueCode !== undefined && line.kind === 'revenue' && !line.revenueCode.startsWith(line.category ?? '')) {
    return {
      code: 'invalid-line-attribute',
      field: 'revenueCode',
      detail: `revenue code ${line.revenueCode} is not under category ${line.category}`,
    };
  }
  if (attributes.internalCounterpart !== undefined && !accounts.has(attributes.internalCounterpart)) {
    return {
      code: 'invalid-line-attribute',
      field: 'internalCounterpart',
      detail: `internalCounterpart ${attributes.internalCounterpart} is not an account (회계) of this government`,
    };
  }
  try {
    const { source, code, ...rest } = attributes;
    const stage = source === 'expenditure' ? 'resolve' : 'assess';
    const trial = journalFor({
      entity: line.account,
      stage,
      amount: 1,
      ...rest,
      ...(source === 'expenditure' ? { itemCode: code } : { revenueCode: code }),
    });
    // A 내용연수 belongs to a line whose 지출결의 builds or buys a tangible asset (제49조②).
    const buildsAsset = trial.lines.some((l) => l.debit > 0n && assetClasses.includes(account(l.account).section as AssetClass));
    if (line.usefulLifeYears !== undefined && !buildsAsset)
      return {
        code: 'invalid-line-attribute',
        field: 'usefulLifeYears',
        detail: `line ${code} books no tangible asset: a useful life belongs to 401/405 lines`,
      };
    return undefined;
  } catch (error) {
    if (error instanceof JournalMappingError) {
      if (error.reason === 'reserve-fund') return undefined;
      const field = fieldOfAttribute(error.attribute);
      if (error.reason === 'missing-attribute')
        return {
          code: error.attribute === 'assetClass' ? 'asset-class-required' : 'line-attribute-required',
          field,
          detail: error.message,
        };
      if (error.reason === 'unmapped')
        return { code: 'no-journal-rule', field: line.kind === 'expenditure' ? 'statItem' : 'revenueCode', detail: error.message };
      return { code: 'invalid-line-attribute', field, detail: error.message };
    }
    if (error instanceof MissingFunctionError) {
      return { code: 'line-attribute-required', field: 'sector', detail: `${error.message}: give the line its 부문 (sector)` };
    }
    if (error instanceof UnknownAccountError) return { code: 'invalid-line-attribute', field: 'assetAccount', detail: error.message };
    throw error;
  }
}

/** The refusal of a line the books could not journal (edits; an import lists the same problems per row). */
export function lineAccountingRefusal(
  lines: readonly (LineAccountingInput & { readonly lineId: string })[],
  accounts: ReadonlySet<string>,
): Refusal | undefined {
  for (const line of lines) {
    const problem = lineAccountingProblem(line, accounts);
    if (problem)
      return refusal('unprocessable', problem.code, `line ${line.lineId}: ${problem.detail}`, {
        lineId: line.lineId,
        field: problem.field,
      });
  }
  return undefined;
}
