import { describe, expect, it } from 'vitest';
import { planLineOrderReplay } from '#shared/domain/execution/line-order-replay.ts';
import type { LaterPosting, RedrivenPosting } from '#shared/domain/execution/line-order-replay.ts';
import type { PostingCommand } from '#shared/domain/execution/posting.ts';

const LINE = '11000#2026#roads';
const date = '2026-05-04';
const commit = (amount: number): PostingCommand => ({ kind: 'commit', lineId: 'roads', amount, counterparty: 'c', contractRef: 'r', date });
const resolve = (commitmentId: string): PostingCommand => ({ kind: 'resolve', commitmentId, amount: 100, date });
const order = (resolutionId: string): PostingCommand => ({ kind: 'order', resolutionId, amount: 100, date });
const pay = (orderId: string): PostingCommand => ({ kind: 'pay', orderId, date });

const rejected = (postingId: string, command: PostingCommand, rule: string, group = LINE): LaterPosting => ({
  postingId,
  group,
  command,
  requestHash: `hash-${postingId}`,
  decision: { status: 'rejected', rule },
});
const applied = (postingId: string, command: PostingCommand): LaterPosting => ({
  postingId,
  group: LINE,
  command,
  requestHash: `hash-${postingId}`,
  decision: { status: 'applied' },
});
const redriven = (status: RedrivenPosting['status'] = 'queued'): RedrivenPosting => ({ postingId: 'C', group: LINE, status });

describe('step 3 of the redrive in line order: which later postings the redriven one replays', () => {
  it('replays the chain its absence refused, behind it and each behind the one it refers to, in acceptance order', () => {
    const later = [
      rejected('R', resolve('C'), 'unknown-commitment'),
      applied('C2', commit(6_000)),
      rejected('O', order('R'), 'unknown-resolution'),
      rejected('P', pay('O'), 'unknown-order'),
    ];
    expect(planLineOrderReplay(redriven(), later)).toEqual([
      { action: 'replay', postingId: 'R', rule: 'unknown-commitment', after: 'C' },
      { action: 'replay', postingId: 'O', rule: 'unknown-resolution', after: 'R' },
      { action: 'replay', postingId: 'P', rule: 'unknown-order', after: 'O' },
    ]);
  });

  it("leaves a refusal on amounts (insufficient budget) and what refers to another missing document; ignores other lines' refusals", () => {
    const later = [
      rejected('C3', commit(6_000), 'committed-within-allotment'),
      rejected('R3', resolve('C3'), 'unknown-commitment'),
      rejected('X', resolve('elsewhere'), 'unknown-commitment', '11000#2026#parks'),
      rejected('R', resolve('C'), 'resolution-within-commitment'),
    ];
    expect(planLineOrderReplay(redriven(), later)).toEqual([
      { action: 'leave', postingId: 'C3', rule: 'committed-within-allotment' },
      { action: 'leave', postingId: 'R3', rule: 'unknown-commitment' },
      { action: 'leave', postingId: 'R', rule: 'resolution-within-commitment' },
    ]);
  });

  it('holds a request the client sent again under another key, and what refers to it', () => {
    const resent = {
      ...rejected('R2', resolve('C'), 'unknown-commitment'),
      requestHash: 'hash-R',
      decision: { status: 'applied' } as const,
    };
    const verdicts = planLineOrderReplay(redriven('applied'), [
      rejected('R', resolve('C'), 'unknown-commitment'),
      rejected('O', order('R'), 'unknown-resolution'),
      resent,
    ]);
    expect(verdicts.map((v) => [v.action, v.postingId])).toEqual([
      ['hold', 'R'],
      ['hold', 'O'],
    ]);
    expect(verdicts[0]).toMatchObject({ why: expect.stringContaining('accepted again as R2') });
  });

  it('holds a posting on another message group behind a queued one, but not behind an applied one', () => {
    const later = [rejected('R', resolve('C'), 'unknown-commitment', '11000#2026#other')];
    expect(planLineOrderReplay(redriven('queued'), later)).toEqual([
      expect.objectContaining({ action: 'hold', postingId: 'R', why: expect.stringContaining('another message group') }),
    ]);
    expect(planLineOrderReplay(redriven('applied'), later)).toEqual([
      { action: 'replay', postingId: 'R', rule: 'unknown-commitment', after: 'C' },
    ]);
  });

  it("holds an order on a contract's claim (its rejection freed the claim)", () => {
    const onContract: PostingCommand = { ...order('R'), contractBasis: { contractId: 'K', inspectionId: 'I1' } } as PostingCommand;
    const verdicts = planLineOrderReplay(redriven(), [
      rejected('R', resolve('C'), 'unknown-commitment'),
      rejected('O', onContract, 'unknown-resolution'),
    ]);
    expect(verdicts.map((v) => v.action)).toEqual(['replay', 'hold']);
  });

  it('puts a posting after the one it refers to when both were accepted in the same millisecond and listed the other way', () => {
    const verdicts = planLineOrderReplay(redriven(), [
      rejected('O', order('R'), 'unknown-resolution'),
      rejected('R', resolve('C'), 'unknown-commitment'),
    ]);
    expect(verdicts.map((v) => [v.action, v.postingId])).toEqual([
      ['replay', 'R'],
      ['replay', 'O'],
    ]);
  });

  it('replays a correction refused because its original was missing', () => {
    const correct: PostingCommand = { kind: 'correct', originalPostingId: 'C', date, reason: 'typo' };
    expect(planLineOrderReplay(redriven(), [rejected('K', correct, 'original-not-applied')])).toEqual([
      { action: 'replay', postingId: 'K', rule: 'original-not-applied', after: 'C' },
    ]);
  });
});
