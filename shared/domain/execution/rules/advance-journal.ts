import type { JournalLine } from '#shared/domain/ledger/journal.ts';

/**
 * 선급금 (chart 1108): money paid before the goods or services it buys are proven — an 일상경비등
 * advance to an 출납원 (지방회계법 제34조) or a 개산급 (제35조). It is an asset until its 정산, because
 * a cost is recognised only when the goods or services have been delivered (회계기준규칙 제28조제2항)
 * and an unsettled payment is shown under the account that states what it is, never as a suspense
 * item (제13조제3항: 가지급금 등 미결산항목은 그 내용을 나타내는 적절한 과목으로 표시), among the
 * 유동자산 (제15조 '등'; the name 선급금 is practice).
 */
export const advancePayments = '1108';

const debits = (lines: readonly JournalLine[]) => lines.filter((l) => l.debit > 0);
const credits = (lines: readonly JournalLine[]) => lines.filter((l) => l.credit > 0);

/** 지출결의 of an advance: the line's resolve entry with its debit (the cost) booked to 선급금 instead. */
export const advanceResolveLines = (resolve: readonly JournalLine[], amount: number): JournalLine[] => [
  { account: advancePayments, debit: amount, credit: 0 },
  ...credits(resolve),
];

/** 정산 at the 증빙 date: Dr the cost the line's resolve entry names / Cr 선급금. */
export const settlementLines = (resolve: readonly JournalLine[], amount: number): JournalLine[] => [
  ...debits(resolve),
  { account: advancePayments, debit: 0, credit: amount },
];
