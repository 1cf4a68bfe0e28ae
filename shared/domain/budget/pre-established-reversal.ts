import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';
import type { ControlCounters } from '#shared/domain/budget/line-status.ts';
import { lineCounters } from '#shared/domain/budget/line-counters.ts';

/** What the reversal of a 성립전예산 reads of each of its two lines (the 세출 line and the matching 세입 line). */
export type PreEstablishedLine = Pick<ControlCounters, 'lineId' | 'budget' | 'preEstablished' | (typeof COUNTERS)[number]> & {
  /** Postings accepted (202) on the line that the consumer has not decided yet. */
  readonly pending?: number;
  /** Allotments (배정) ever posted on the line, their reversals included: records that name it. */
  readonly allotments?: number;
};

const COUNTERS = [...lineCounters, 'recodedNet'] as const;

/**
 * A 성립전예산 (지방재정법 §45) taken back — the grant withdrawn or the line created in error — is
 * undone only while nothing rests on it (practice: the reversal removes both lines as if never made,
 * so nothing may point at them): no amount allotted, committed, resolved, ordered, paid, assessed,
 * received, refunded or recoded on either line, and no other change moved budget onto or off them
 * (예산현액 still the granted amount). Nor while a posting accepted on a line waits for the consumer
 * (it would be rejected for a line that is gone: nothing accepted may be lost), nor once an
 * allotment was posted on it, even one reversed since (the allotment and its reversal stay on record
 * naming the line; removing the line would orphan them). Once a 추경 included the line (§45: it
 * must) it is part of the budget the council approved, and only a later 추경 changes it.
 */
export function preEstablishedReversalRefusal(lines: readonly PreEstablishedLine[], amount: number): Refusal | undefined {
  for (const line of lines) {
    if ((line.preEstablished ?? 0) === 0)
      return refusal(
        'unprocessable',
        'pre-established-included',
        `a 추경 has included line ${line.lineId}; it is part of the approved budget and only a later 추경 changes it`,
        { rule: 'a 성립전예산 is reversed only before a 추경 includes it', basis: '지방재정법 §45', lineId: line.lineId },
      );
    const used = COUNTERS.filter((name) => (line[name] ?? 0) !== 0);
    const pending = line.pending ?? 0;
    const allotments = line.allotments ?? 0;
    if (pending > 0 || (allotments > 0 && used.length === 0))
      return refusal(
        'unprocessable',
        'pre-established-in-use',
        pending > 0
          ? `${pending} posting(s) accepted on line ${line.lineId} are not applied yet; a 성립전예산 is reversed only before anything rests on it`
          : `line ${line.lineId} has ${allotments} allotment record(s) (allotted and reversed); they would name a line that is gone`,
        {
          rule: 'nothing accepted, allotted or executed on the lines of a 성립전예산 that is reversed',
          basis: 'practice (지방재정법 §45)',
          lineId: line.lineId,
          granted: amount,
          ...(pending > 0 ? { pending } : { allotments }),
        },
      );
    if (used.length > 0 || line.budget !== amount || line.preEstablished !== amount)
      return refusal(
        'unprocessable',
        'pre-established-in-use',
        `line ${line.lineId} has been ${used.length > 0 ? used.join(', ') : 'changed'}; a 성립전예산 is reversed only before anything rests on it`,
        {
          rule: 'nothing allotted, executed or moved on the lines of a 성립전예산 that is reversed',
          basis: 'practice (지방재정법 §45)',
          lineId: line.lineId,
          granted: amount,
          budget: line.budget,
          ...Object.fromEntries(used.map((name) => [name, line[name]])),
        },
      );
  }
  return undefined;
}
