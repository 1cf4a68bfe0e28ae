import { replayRejectedPosting } from '#shared/application/execution/replay-rejected-posting.ts';
import type { NotReplayed } from '#shared/application/execution/replay-rejected-posting.ts';
import { now } from '#shared/clock.ts';
import { planLineOrderReplay } from '#shared/domain/execution/line-order-replay.ts';
import type { Verdict } from '#shared/domain/execution/line-order-replay.ts';
import { messageGroupId } from '#shared/domain/execution/posting.ts';
import type { PostingMessage } from '#shared/domain/execution/posting.ts';
import { acceptedBetween } from '#shared/stores/execution/accepted-postings.ts';
import { readPostingRecords } from '#shared/stores/execution/posting-records.ts';

export interface RedrivenPostingRef {
  readonly gov: string;
  readonly postingId: string;
}

export interface LineOrderReport {
  readonly gov: string;
  readonly redriven: string;
  /** The redriven posting as it stands: only an applied or queued one has later postings to replay. */
  readonly status: 'applied' | 'queued' | 'rejected' | 'unknown';
  /** What is (or with `apply` was) done with each rejected posting after it on its line or chain, in acceptance order. */
  readonly verdicts: readonly Verdict[];
  /** With `apply`: the postings reopened and enqueued behind it, in acceptance order. */
  readonly replayed: readonly string[];
  /** With `apply`: planned replays that did not happen, and why (decided meanwhile, a 성립전 line reversed, or an earlier one of the chain not replayed). */
  readonly notReplayed: readonly { readonly postingId: string; readonly why: NotReplayed | 'reference-not-replayed' }[];
}

/**
 * Step 3 of the redrive in line order (`npm run redrive -- postings --in-order | --after <gov>`):
 * for each redriven posting, the postings of its government accepted after it (the audit records of
 * acceptance, in acceptance order: accepted-postings.ts) are read with their decisions, the plan says
 * which of them its absence alone refused (domain line-order-replay.ts), and with `apply` those are
 * replayed in acceptance order behind it in its message group (replay-rejected-posting.ts: reopened
 * only while still so rejected, audited, applied once by posting id). Without `apply` nothing is written.
 * Running it again finds them queued or decided afresh, and changes nothing.
 */
export async function replayInLineOrder(
  redriven: readonly RedrivenPostingRef[],
  operator: string,
  options: { readonly apply: boolean },
): Promise<LineOrderReport[]> {
  const reports: LineOrderReport[] = [];
  for (const { gov, postingId } of redriven) reports.push(await replayAfter(gov, postingId, operator, options.apply));
  return reports;
}

async function replayAfter(gov: string, postingId: string, operator: string, apply: boolean): Promise<LineOrderReport> {
  const empty = { gov, redriven: postingId, verdicts: [], replayed: [], notReplayed: [] };
  const [anchor] = await readPostingRecords(gov, [postingId]);
  if (!anchor) return { ...empty, status: 'unknown' };
  // Its own rejection is a decision: the later postings were right to find it missing.
  if (anchor.decision?.status === 'rejected') return { ...empty, status: 'rejected' };
  const status = anchor.decision?.status ?? 'queued';
  const later = await acceptedAfter(anchor.message);
  const records = new Map(later.map((record) => [record.message.postingId, record.message]));
  const verdicts = planLineOrderReplay(
    { postingId, group: messageGroupId(anchor.message), status },
    later.map((record) => ({
      postingId: record.message.postingId,
      group: messageGroupId(record.message),
      command: record.message.command,
      requestHash: record.requestHash,
      decision: record.decision,
    })),
  );
  if (!apply) return { ...empty, status, verdicts };
  const replayed: string[] = [];
  const notReplayed: LineOrderReport['notReplayed'][number][] = [];
  const missing = new Set<string>();
  for (const verdict of verdicts) {
    if (verdict.action !== 'replay') continue;
    if (missing.has(verdict.after)) {
      missing.add(verdict.postingId);
      notReplayed.push({ postingId: verdict.postingId, why: 'reference-not-replayed' });
      continue;
    }
    const why = await replayRejectedPosting(records.get(verdict.postingId) as PostingMessage, verdict.rule, operator);
    if (why) {
      missing.add(verdict.postingId);
      notReplayed.push({ postingId: verdict.postingId, why });
    } else replayed.push(verdict.postingId);
  }
  return { gov, redriven: postingId, status, verdicts, replayed, notReplayed };
}

/** The postings of the government accepted after `message`, in acceptance order (to a day past now: clocks of other processes). */
async function acceptedAfter(message: PostingMessage) {
  const to = new Date(now().getTime() + 86_400_000).toISOString();
  const ids = (await acceptedBetween(message.gov, message.actor.receivedAt, to)).filter((id) => id !== message.postingId);
  return readPostingRecords(message.gov, ids);
}
