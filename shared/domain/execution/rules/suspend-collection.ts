import { applied, docEffect } from '#shared/domain/execution/rules/effects.ts';
import { originDocumentOf } from '#shared/domain/execution/rules/prior-year.ts';
import { isRefusal } from '#shared/domain/execution/rules/rule.ts';
import type { PostingRule } from '#shared/domain/execution/rules/rule.ts';
import { collectionSuspensionGrounds } from '#shared/domain/execution/year-two/collection-grounds.ts';
import type { CollectionSuspensionGround } from '#shared/domain/execution/year-two/collection-grounds.ts';

/**
 * 징수정지 (지방재정법 시행령 제119조 [U]; the grounds read in the 1988 text, 제144조제1항): collection
 * work on an overdue receivable stops. The receivable stays in the books and in the 미수납액 (it is
 * not extinguished: that is 불납결손, write-off.ts); the assessment is marked once
 * (`collection-already-suspended`, items.ts). No counter of the line moves and no journal line is made.
 */
export const suspendCollection: PostingRule<'suspend-collection'> = (message, command, state) => {
  const ground = collectionSuspensionGrounds[command.ground as CollectionSuspensionGround];
  const origin = originDocumentOf(message, state, command.assessmentId, 'assessment', ground.source, true);
  if (isRefusal(origin)) return origin;
  return applied(origin.originLine, command.date, 0, [docEffect(origin.doc, { suspended: 1 })], []);
};
