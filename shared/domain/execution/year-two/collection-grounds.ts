/**
 * The legal grounds of 불납결손 (writing a receivable off: the government's claim is extinguished) and
 * of 징수정지 (collection work stops; the receivable stays), as data. Each row names its source; a
 * source marked [U] is what the project's execution rules (§2.5) cite but the current text could not
 * be read to confirm it (the legalize-kr copies of 지방재정법 시행령 read were the 1988 and 2007
 * versions, whose numbering differs). Where the 1988 text was read, the article read is named.
 */
import { keysOf } from '#shared/domain/table-keys.ts';
export const writeOffGrounds = {
  prescription: {
    meaning: '소멸시효의 완성 (5년, 다른 법률에 규정이 없는 한)',
    source: '지방재정법 제82조; 지방재정법 시행령 제122조 [U]; 지방세: 지방세기본법 제39조 [U]',
  },
  'liquidation-ended': { meaning: '법인인 채무자의 청산이 종결된 경우', source: '지방재정법 시행령 제122조 [U]' },
  'estate-insufficient': {
    meaning: '한정승인 후 상속재산으로 비용을 충당할 수 없는 경우',
    source: '지방재정법 시행령 제122조 [U]',
  },
  'below-notice-cost': { meaning: '채권금액이 고지에 드는 비용에 미달하는 경우', source: '지방재정법 시행령 제122조 [U]' },
  waived: {
    meaning: '법령 또는 조례에 따라 면제한 경우 (지방재정법 제86조: 법령·조례에 따르지 않고는 면제 불가)',
    source: '지방재정법 제86조; 지방재정법 시행령 제130조 [U] (1988년 시행령 제153조 면제, read)',
  },
} as const;

export const collectionSuspensionGrounds = {
  'business-stopped': {
    meaning: '법인인 채무자가 사업을 휴지하여 재개 가망이 없고 압류 가능 재산이 강제집행 비용 이하',
    source: '지방재정법 시행령 제119조 [U] (1988년 시행령 제144조제1항제1호, read)',
  },
  'debtor-missing': {
    meaning: '채무자의 소재가 불명하고 압류 가능 재산이 강제집행 비용 이하',
    source: '지방재정법 시행령 제119조 [U] (1988년 시행령 제144조제1항제2호, read)',
  },
  'below-collection-cost': {
    meaning: '채권금액이 소액으로 추심 비용에 미달',
    source: '지방재정법 시행령 제119조 [U] (1988년 시행령 제144조제1항제3호, read)',
  },
} as const;

export type WriteOffGround = keyof typeof writeOffGrounds;
export type CollectionSuspensionGround = keyof typeof collectionSuspensionGrounds;
export const writeOffGroundKeys = keysOf(writeOffGrounds);
export const collectionSuspensionGroundKeys = keysOf(collectionSuspensionGrounds);
