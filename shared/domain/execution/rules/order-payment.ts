import { applied, docEffect, lineEffect, linkOf, newDocument } from '#shared/domain/execution/rules/effects.ts';
import { documentOf, lineOf } from '#shared/domain/execution/rules/lookups.ts';
import { orderChecks } from '#shared/domain/execution/rules/order-checks.ts';
import { isRefusal } from '#shared/domain/execution/rules/rule.ts';
import type { PostingRule } from '#shared/domain/execution/rules/rule.ts';
import { orderingOwnCommitment } from '#shared/domain/execution/segregation-of-duties.ts';
import { encodeWithholdings, withholdingRefusal } from '#shared/domain/execution/withholding.ts';

/**
 * 지급명령 (payment order; 지방회계법 「지급명령」, given by the 지출원 of 제31조): within the
 * resolution (`order-within-resolution`), never by the official who made the commitment
 * (segregation of duties, 403), and only once the 지출원's checks of 시행령 제33조 hold
 * (rules/order-checks.ts: the commitment papers, the allotment and the month's cash, the year). It
 * claims the month's cash until the bank pays it (`cashMonth`; rules/pay.ts moves the claim). No
 * journal line: the liability was booked at the resolution.
 * It may carry 원천징수 (withholding.ts): each kind once, together at most the gross amount; the bank
 * pays the net and the withheld amounts go to 세입세출외현금 (rules/pay.ts).
 */
export const orderPayment: PostingRule<'order'> = (message, command, state) => {
  const resolution = documentOf(message, state, command.resolutionId, 'resolution');
  if (isRefusal(resolution)) return resolution;
  const ownCommitment = orderingOwnCommitment(resolution.attrs.committedBy, message.actor.sub, resolution.attrs.commitmentId);
  if (ownCommitment) return ownCommitment;
  const line = lineOf(message, state, String(resolution.attrs.lineId), 'expenditure');
  if (isRefusal(line)) return line;
  const amount = command.amount;
  const withholdings = command.withholdings ?? [];
  const overWithheld = withholdingRefusal(amount, withholdings);
  if (overWithheld) return overWithheld;
  const claim = orderChecks(message, state, resolution, line, amount, command.date);
  if (isRefusal(claim)) return claim;
  const order = newDocument(
    message,
    'order',
    { amount },
    {
      ...linkOf(line),
      resolutionId: command.resolutionId,
      commitmentId: String(resolution.attrs.commitmentId),
      createdBy: message.actor.sub,
      cashMonth: command.date.slice(0, 7),
      // An advance's order is settled (rules/settle.ts) and its 반납 leaves 선급금 (rules/return.ts).
      ...(resolution.attrs.advance !== undefined ? { advance: String(resolution.attrs.advance) } : {}),
      ...(resolution.attrs.advanceItem !== undefined ? { advanceItem: Number(resolution.attrs.advanceItem) } : {}),
      ...(withholdings.length > 0 ? { withholdings: encodeWithholdings(withholdings) } : {}),
    },
  );
  return applied(
    line,
    command.date,
    amount,
    [lineEffect(line, { ordered: amount }), docEffect(resolution, { ordered: amount }), order, claim],
    [],
  );
};
