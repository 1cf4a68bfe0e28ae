import type { ControlledItem, DocKind } from '#shared/domain/execution/items.ts';
import { docTarget, lineTarget } from '#shared/domain/execution/items.ts';
import type { PostingMessage } from '#shared/domain/execution/posting.ts';
import { acceptedAt } from '#shared/domain/execution/posting-date.ts';
import { broken, lineOf } from '#shared/domain/execution/rules/lookups.ts';
import type { WorkingState } from '#shared/domain/execution/working-state.ts';
import { priorYearRefusal } from '#shared/domain/fiscal-calendar/prior-year.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/** A document of an earlier fiscal year (or of this one, where the kind allows it) with the line it was made on. */
export interface OriginDocument {
  readonly doc: ControlledItem;
  readonly originYear: number;
  /** The document's line in its own year (its journal attributes book the closed year's receivable or payable). */
  readonly originLine: ControlledItem;
}

/**
 * The applied document a posting of a later year settles (과년도), of the kind it must be, and its
 * line in its own year. `rule` names the article the refusals cite. With `sameYearAllowed`, a
 * document of the posting's own year is returned too (불납결손 and 징수정지 of this year's receivables);
 * otherwise the origin year must be earlier and its cash work complete (prior-year.ts).
 */
export function originDocumentOf(
  message: PostingMessage,
  state: WorkingState,
  docId: string,
  kind: DocKind,
  rule: string,
  sameYearAllowed = false,
): OriginDocument | Refusal {
  const { gov, year } = message;
  const doc = state.item(docTarget(gov, docId));
  if (!doc || doc.kind !== kind)
    return broken(`unknown-${kind}`, `no applied ${kind} ${docId} in government ${gov}`, { [`${kind}Id`]: docId });
  const originYear = Number(doc.attrs.year);
  if (!(sameYearAllowed && originYear === year)) {
    if (sameYearAllowed && originYear > year) {
      return broken('wrong-year', `${kind} ${docId} belongs to fiscal year ${originYear}`, { year, documentYear: originYear });
    }
    const notPrior = priorYearRefusal(originYear, year, acceptedAt(message), rule);
    if (notPrior) return notPrior;
  }
  const originLine = state.item(lineTarget(gov, originYear, String(doc.attrs.lineId)));
  if (!originLine) {
    return broken('unknown-line', `budget line ${doc.attrs.lineId} has no final budget in ${originYear}`, {
      lineId: doc.attrs.lineId,
      year: originYear,
    });
  }
  return { doc, originYear, originLine };
}

/**
 * What an assessment still has to collect (미수납액): 징수결정액 − 수납액 − 불납결손액, with the figures
 * a refusal shows.
 */
export function outstandingOf(assessment: ControlledItem) {
  const c = assessment.counters;
  const figures = { assessed: c.amount ?? 0, received: c.received ?? 0, writtenOff: c.writtenOff ?? 0 };
  return { ...figures, outstanding: figures.assessed - figures.received - figures.writtenOff };
}

/**
 * The revenue line a posting on a document of this year or a closed one lands on: the document's own
 * line in its year; for a closed year's document, this year's revenue line the request names
 * (`lineId`), since what a closed year receives, writes off or refunds is this year's (지방회계법
 * 제27조제1항, 제28조제1항); `prior-year-line-required` when it names none. `purpose` ends the refusal's
 * sentence ("that brings it forward", "it is refunded from"); `rule` is the article it cites.
 */
export function revenueLineFor(
  message: PostingMessage,
  state: WorkingState,
  origin: OriginDocument,
  lineId: string | undefined,
  purpose: string,
  rule: string,
): ControlledItem | Refusal {
  const { doc, originLine, originYear } = origin;
  if (originYear >= message.year) return originLine;
  if (lineId === undefined) {
    const docId = doc.target.type === 'doc' ? doc.target.docId : '';
    return broken(
      'prior-year-line-required',
      `${doc.kind} ${docId} is of ${originYear}: name this year's revenue line (lineId) ${purpose}`,
      { rule, originYear, year: message.year },
    );
  }
  return lineOf(message, state, lineId, 'revenue');
}
