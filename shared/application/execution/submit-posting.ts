import { createHash } from 'node:crypto';
import { correctingRole, correctionRefusal } from '#shared/domain/execution/posting-makers.ts';
import { accepted } from '#shared/domain/execution/posting.ts';
import type { AdvanceRecordLimit, PostingCommand, PostingMessage } from '#shared/domain/execution/posting.ts';
import { awaitsReference, referencedPostingId, referenceRefusal } from '#shared/domain/execution/referenced-posting.ts';
import { orderingOwnCommitment } from '#shared/domain/execution/segregation-of-duties.ts';
import { Refused, conflict, invalid, unprocessable } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { idempotencyKeyValue } from '#shared/schemas/execution.ts';
import type { ContractBasis } from '#shared/application/execution/contract-basis.ts';
import { planAgainstBooks } from '#shared/application/execution/plan-against-books.ts';
import { postingIdOf } from '#shared/stores/execution/posting-keys.ts';
import { readPostingRequest, storeAcceptedPosting } from '#shared/stores/execution/posting-requests.ts';
import { readPostingStatus } from '#shared/stores/execution/posting-status.ts';
import type { PostingStatus } from '#shared/stores/execution/posting-status.ts';
import { sendPosting } from '#shared/stores/execution/postings-queue.ts';
import type { TransactItem } from '#shared/stores/table/transact.ts';
import type { AdvanceRecords } from '#shared/domain/advance-posting.ts';

/** A posting asked for through the API (지출원인행위 … 환급, cancellation, correction). */
export interface Submission {
  readonly operation: string;
  readonly gov: string;
  readonly year: number;
  readonly command: PostingCommand;
  readonly request: RequestInfo;
  /** The contract rules (commitments and payment orders): the handlers pass shared/wiring/contract-basis.ts. */
  readonly contractBasis?: ContractBasis | undefined;
  /** The 출납원's records behind an advance's 정산: the settlement handler passes shared/wiring/advance-records.ts. */
  readonly advanceRecords?: AdvanceRecords | undefined;
}

/** What a posting route answers: `queued`, or on a retry the posting as it stands (see the route description). */
export type PostingAnswer = ReturnType<typeof accepted> | (PostingStatus & { readonly statusUrl: string });

/**
 * Accepts a posting: checks the Idempotency-Key, the referenced posting, who may correct it and
 * segregation of duties, runs the consumer's rules on the books as they stand (the consumer
 * re-checks authoritatively), stores the request (its id derived from the key), which is the audit
 * record of the acceptance, in one conditional write, and enqueues it on the FIFO postings queue.
 * Answers `queued` with the posting id; a retry answers with the same posting as it stands (queued,
 * applied or rejected).
 */
export async function submitPosting(submission: Submission): Promise<PostingAnswer> {
  const outcome = await acceptPosting(submission);
  return typeof outcome === 'string' ? accepted(submission.gov, outcome) : outcome;
}

/** The id of the posting accepted now, or the answer of a retry. */
async function acceptPosting(submission: Submission): Promise<string | PostingAnswer> {
  const { request, gov } = submission;
  const key = idempotencyKeyOf(request);
  const sub = request.caller?.sub ?? 'anonymous';
  const requestHash = hashOf(submission);
  const postingId = postingIdOf(sub, key);
  // The posting is looked up only when the request is refused or the conditional write finds it taken:
  // a retry of an accepted request is answered as the first one was, whatever the books say now.
  let prepared: Prepared;
  try {
    prepared = await prepare(submission, sub, postingId);
  } catch (error) {
    if (error instanceof Refused) {
      const replayed = await replay(gov, postingId, requestHash);
      if (replayed) return replayed;
    }
    throw error;
  }
  const { message, committedBy, contractLink } = prepared;
  const stored = await storeAcceptedPosting({
    message,
    requestHash,
    committedBy,
    acceptance: { operation: `${submission.operation}.accepted`, exceptionUses: request.exceptionUses },
    contractLink,
  });
  if (!stored.ok) {
    // The key is taken (a retry of an accepted request, or a concurrent one that won): answer as that one did.
    const winner = await replay(gov, postingId, requestHash);
    if (winner) return winner;
    if (stored.failed.has('pending')) {
      // A 성립전 line reversed between the check and this write: the line is gone (the reversal won).
      throw unprocessable('unknown-line', `budget line ${message.lineId} was removed (its 성립전예산 reversed) meanwhile`, {
        lineId: message.lineId,
        year: message.year,
      });
    }
    if (stored.failed.has('contractLink')) {
      throw conflict('contract-basis-ordered', 'another payment order took this 선금 claim or inspection meanwhile', {
        postingId: message.postingId,
      });
    }
    throw new Error(`posting ${message.postingId} was not stored: ${[...stored.failed].join(', ')} failed`);
  }
  // Stored as the audit record of its acceptance, which is its outbox: if SendMessage fails (or the
  // process dies before it), the sweep (functions/postings/sweep-unqueued.ts) sends it within a minute
  // or two, so it is accepted either way.
  await sendPosting(message).catch(() => undefined);
  return message.postingId;
}

interface Prepared {
  readonly message: PostingMessage;
  /** Who made the commitment of the chain: stored on the request for the payment order's check. */
  readonly committedBy: string | undefined;
  /** The order taken on a contract's 선금 claim or inspection, written with the acceptance. */
  readonly contractLink: TransactItem | undefined;
}

/** The message to queue, once the reference, segregation of duties and the consumer's rules allow it. */
async function prepare(submission: Submission, sub: string, postingId: string): Promise<Prepared> {
  const { request, command, gov, year } = submission;
  const referencedId = referencedPostingId(command);
  const referenced = referencedId === undefined ? undefined : await readPostingRequest(gov, referencedId);
  if (referencedId !== undefined) {
    const refused = referenceRefusal(command, gov, year, referencedId, referenced);
    if (refused) throw new Refused(refused);
  }
  // A correction is made in a role that may make the original's kind (the rule is the consumer's too).
  const correcting = command.kind === 'correct' && referenced ? correctingRole(referenced.kind, request.caller?.roles ?? []) : undefined;
  const role = correcting ?? request.actingRole;
  if (command.kind === 'correct' && referenced) {
    const notPermitted = correctionRefusal(referenced.kind, command.originalPostingId, role ?? 'system');
    if (notPermitted) throw new Refused(notPermitted);
  }
  const commitmentId =
    command.kind !== 'order' || !referenced
      ? undefined
      : referenced.kind === 'commit' || referenced.kind === 'prior-year-commit'
        ? referencedId
        : 'commitmentId' in referenced.command
          ? referenced.command.commitmentId
          : undefined;
  if (command.kind === 'order' && referenced) {
    const ownCommitment = orderingOwnCommitment(referenced.committedBy, sub, commitmentId);
    if (ownCommitment) throw new Refused(ownCommitment);
  }
  const contractLink = await contractRules(submission, postingId, commitmentId);
  const advanceRecord = await advanceRecordOf(submission);
  const message: PostingMessage = {
    postingId,
    gov,
    year,
    lineId: lineOfCommand(command) ?? returnedAsRevenue(command, year, referenced) ?? referenced?.lineId ?? missingLine(command),
    command,
    actor: {
      sub,
      role: role ?? 'system',
      requestId: request.requestId,
      sourceIp: request.sourceIp,
      bodySha256: request.bodySha256,
      receivedAt: request.receivedAt,
    },
    ...(advanceRecord ? { advanceRecord: { advanceId: advanceRecord.advanceId, spent: advanceRecord.spent } } : {}),
  };
  const pendingOn = await precheck(message, referenced !== undefined);
  const commits = command.kind === 'commit' || command.kind === 'prior-year-commit';
  return {
    message: pendingOn.length > 0 ? { ...message, pendingOn } : message,
    committedBy: commits ? sub : referenced?.committedBy,
    contractLink,
  };
}

/**
 * The contract rules of a commitment or payment order (through the ContractBasis port): a refusal is
 * thrown; the order's link to its 선금 claim or inspection is returned, to be stored with the posting.
 */
async function contractRules(
  submission: Submission,
  postingId: string,
  commitmentId: string | undefined,
): Promise<TransactItem | undefined> {
  const { contractBasis, command, gov, year } = submission;
  if (!contractBasis || (command.kind !== 'commit' && command.kind !== 'order')) return undefined;
  const commitment = commitmentId === undefined ? undefined : (await readPostingRequest(gov, commitmentId))?.command;
  const outcome = await contractBasis({ gov, year, postingId, command, commitment });
  if ('refusal' in outcome) throw new Refused(outcome.refusal);
  return outcome.link;
}

/**
 * An advance's 정산 on an order a petty-cash or 개산급 record names: the record and what it shows spent, carried on the
 * message. The settle rule checks settled + amount within it, here on the books as they stand (precheck) and again
 * when the posting applies, where every settlement applied before it — queued at acceptance or not — is counted
 * (rules/settle.ts).
 */
async function advanceRecordOf(submission: Submission): Promise<AdvanceRecordLimit | undefined> {
  const { advanceRecords, command, gov } = submission;
  if (!advanceRecords || command.kind !== 'settle') return undefined;
  return advanceRecords.spentOnOrder(gov, command.orderId);
}

function idempotencyKeyOf(request: RequestInfo): string {
  const key = request.headers['idempotency-key'];
  if (key === undefined) throw invalid('idempotency-key-required', 'posting operations require an Idempotency-Key header');
  const parsed = idempotencyKeyValue.safeParse(key);
  if (!parsed.success) throw invalid('invalid-idempotency-key', parsed.error.issues[0]?.message ?? 'invalid Idempotency-Key');
  return parsed.data;
}

/** The same operation on the same government and year with the same validated body. */
function hashOf(submission: Submission): string {
  const { operation, gov, year, command } = submission;
  return createHash('sha256').update(JSON.stringify({ operation, gov, year, command })).digest('hex');
}

/**
 * A key seen before (its posting exists): the same posting as it stands (re-enqueued while not yet
 * decided: queued; once decided: applied or rejected, as GET answers it), or 422 for another body.
 */
async function replay(gov: string, postingId: string, requestHash: string): Promise<PostingAnswer | undefined> {
  const [stored, status] = await Promise.all([readPostingRequest(gov, postingId), readPostingStatus(gov, postingId)]);
  if (!stored) return undefined;
  if (stored.requestHash !== requestHash) {
    throw unprocessable('idempotency-key-reused', 'this Idempotency-Key was used for a different request', { postingId });
  }
  const decided = status !== undefined && status.status !== 'queued';
  // The first attempt may have stopped between storing and enqueueing: enqueue again (safe, see sendPosting).
  if (!decided) await sendPosting(stored.message);
  return decided ? { ...status, statusUrl: accepted(gov, postingId).statusUrl } : accepted(gov, postingId);
}

/**
 * The line a command names: a commitment's or assessment's own, and this year's line of a 과년도 수입,
 * 과년도 지출 or the 불납결손 of a receivable brought forward (their document is of an earlier year);
 * a 세입세출외현금 record is its own message group (it is on no budget line); the other kinds land
 * on their document's line.
 */
function lineOfCommand(command: PostingCommand): string | undefined {
  switch (command.kind) {
    case 'commit':
    case 'assess':
    case 'prior-year-commit':
    case 'prior-year-receive':
    case 'write-off':
      return command.lineId;
    // a closed year's receipt refunded from this year's revenue line (지방회계법 제28조제1항)
    case 'refund':
      return command.lineId;
    case 'withdraw':
    case 'deposit':
    case 'forfeit':
      return `custody.${command.custodyId}`;
    default:
      return undefined;
  }
}

/**
 * A 반납 of a closed year's payment lands on this year's revenue line (지방회계법 제27조제1항): its
 * message group is that line's; without one the consumer's rule refuses it.
 */
function returnedAsRevenue(command: PostingCommand, year: number, referenced: { readonly year: number } | undefined): string | undefined {
  if (command.kind !== 'return' || referenced === undefined || referenced.year >= year) return undefined;
  return command.revenueLineId;
}

function missingLine(command: PostingCommand): never {
  throw new Error(`a ${command.kind} posting names no line`);
}

/**
 * Runs the consumer's rules on the books as they stand, so a posting that cannot apply is refused
 * now (with the rule and the numbers) instead of being queued to be rejected. Answers the 성립전
 * lines (지방재정법 §45, not yet included by a 추경) the posting would move: it is counted pending on
 * them until decided, so their reversal cannot remove a line an accepted posting needs.
 */
async function precheck(message: PostingMessage, referenceAccepted: boolean): Promise<string[]> {
  const plan = await planAgainstBooks([message]);
  const outcome = plan.outcomes[0];
  if (outcome?.status === 'rejected' && !awaitsReference(outcome.refusal, referenceAccepted)) throw new Refused(outcome.refusal);
  return plan.changes.flatMap((change) =>
    change.target.type === 'line' && change.before?.attrs.preEstablished !== undefined ? [change.target.lineId] : [],
  );
}
