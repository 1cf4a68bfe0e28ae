import type { Route } from '#shared/http/route.ts';
import type { QueueKey } from '#shared/resources.ts';
import { queues } from '#shared/resources.ts';
import type { ScheduleDeclaration } from '#shared/schedules.ts';

/**
 * What each function may touch: the one place where least privilege is decided. It is derived
 * from the declarations (a route's method and handler folder, a queue's consumer, a schedule's
 * handler), so a new route gets the right grants without anyone editing the stack.
 *
 * - The table: GET routes read; other routes read and write; routes of static data (platform,
 *   classification code tables) get nothing; scheduled jobs read (and hand the work to a queue).
 *   BatchWriteItem only for `batchWriters` and the postings consumer (its ledger index). DeleteItem only for the handlers that remove working items
 *   (`deletesItems`): lines of a draft budget version, the lines of a reversed 성립전예산, a replayed
 *   posting's outbox marker once it is on the queue (the sweep), a refused closing's period marker. Posted entries and audit records are never deleted.
 * - Queues: only the write routes and jobs listed in `queueSenders` may send.
 * - The archive: written only by the settlement consumer; read by it and by `archiveReaders`.
 *   Nobody may delete an object. test/infra/permissions.test.ts checks every grant against the
 *   handler's bundle in both directions (issue #19, finding 8).
 * - Identity: no route function holds a Cognito permission. Machine clients and residents' enrolments
 *   (issue #19, finding 10) are registered in the table, read and written under the grants above
 *   (the enrolment routes: GET read, POST read and write, no DeleteItem).
 * - /health/dependencies inspects every dependency (DescribeTable, GetQueueAttributes, HeadBucket, the
 *   archive's Object Lock and versioning); the public /health touches nothing.
 */
export type TableAccess = 'none' | 'read' | 'readWrite';
export type ArchiveAccess = 'none' | 'read' | 'readWrite';

export interface FunctionPermissions {
  readonly table: TableAccess;
  /** DeleteItem on the table: draft budget lines, outbox markers, a refused closing's period marker. */
  readonly deletesItems: boolean;
  /** BatchWriteItem on the table (bulk budget lines and controls): `batchWriters`. */
  readonly batchWrites: boolean;
  readonly sendTo: readonly QueueKey[];
  readonly archive: ArchiveAccess;
  /** Read the attributes of every queue and the existence of every bucket (health checks). */
  readonly inspectAll: boolean;
}

/**
 * Who sends to each queue: handler folders ('expenditure/') or single handlers. Write routes and
 * scheduled jobs only; test/infra/permissions.test.ts checks this against the code.
 */
export const queueSenders: Readonly<Record<QueueKey, readonly string[]>> = {
  postings: [
    'expenditure/',
    'revenue/',
    'postings/correct-posting',
    'postings/sweep-unqueued',
    'subsidy/decide-grant',
    'subsidy/pay',
    'subsidy/settle-grant',
    'subsidy/cancel-grant',
    'subsidy/record-return',
  ],
  settlement: ['settlement/request-closing', 'settlement/start-closing'],
};

/**
 * Handlers that delete items: editing and importing the lines of a draft budget version, and
 * creating a version (it removes the draft lines it wrote when another version won the race).
 */
export const itemDeleters: readonly string[] = [
  'budget/edit-lines',
  'budget/import-lines',
  'budget/upload-csv',
  'budget/create-version',
  // a 성립전 reversal removes the lines it created, while nothing has been executed on them (#14)
  'budget/reverse-change',
  // a 과목경정 that moves a whole registered purchase off its asset account removes it from the register (#13)
  'budget/recode',
];

/**
 * The outbox sweep: it enqueues replayed postings and deletes their outbox markers, and keeps the
 * cursor of the accepted postings it swept (shared/stores/execution/accepted-postings.ts). An
 * accepted posting has no marker since issue #21 (its audit record is its outbox), so the API's
 * posting handlers delete nothing.
 */
const OUTBOX_SWEEP = 'postings/sweep-unqueued';

/** Whether a handler deletes items: the ones above, and the outbox sweep (a replay's marker). */
const deletesItemsOf = (handler: string): boolean => itemDeleters.includes(handler) || handler === OUTBOX_SWEEP;

/**
 * Handlers that write many independent items with BatchWriteItem (shared/stores/table/batch-write.ts):
 * a version's lines and controls. IAM cannot tell a batch put from a batch delete, so this list is short.
 */
export const batchWriters: readonly string[] = [
  'budget/create-version',
  'budget/import-lines',
  'budget/upload-csv',
  'budget/transition-version',
  'budget/sync-controls',
  'budget/open-provisional',
  // the document-ledger backfill writes index items a page at a time (#14)
  'postings/backfill-ledger',
  // a 결산정리분개 in parts stores its plan's parts before applying them (#13)
  'accounting/record-adjusting-entries',
];

/** GET routes that read archive objects (hash the stored bytes, presign the download). Listings read the table's index only. */
export const archiveReaders: readonly string[] = ['reports/get-archive-download'];

/** Folders whose routes serve data compiled into the code (OpenAPI, docs, the classification code tables). */
const staticFolders: readonly string[] = ['platform', 'classification'];
const healthHandler = 'platform/health-dependencies';

const nothing: FunctionPermissions = {
  table: 'none',
  deletesItems: false,
  batchWrites: false,
  sendTo: [],
  archive: 'none',
  inspectAll: false,
};

const handlerFolder = (handler: string): string => handler.split('/')[0] ?? handler;

export function routePermissions(route: Route): FunctionPermissions {
  const folder = handlerFolder(route.handler);
  // The deep health check describes the table (control plane) and reads no item.
  if (route.handler === healthHandler) return { ...nothing, inspectAll: true };
  if (staticFolders.includes(folder)) return nothing;
  const reads = route.method === 'GET';
  return {
    table: reads ? 'read' : 'readWrite',
    deletesItems: !reads && deletesItemsOf(route.handler),
    batchWrites: !reads && batchWriters.includes(route.handler),
    sendTo: reads ? [] : sendersOf(route.handler),
    archive: reads && archiveReaders.includes(route.handler) ? 'read' : 'none',
    inspectAll: false,
  };
}

/**
 * A queue consumer applies what it receives; the settlement consumer alone writes the archive, and
 * reopens (deletes the marker of) a period whose closing was refused. The postings consumer writes
 * the document ledger's index items in one BatchWriteItem after its transaction commits (#21).
 */
export function consumerPermissions(queue: QueueKey): FunctionPermissions {
  const settlement = queue === 'settlement';
  return {
    ...nothing,
    table: 'readWrite',
    deletesItems: settlement,
    batchWrites: queue === 'postings',
    archive: settlement ? 'readWrite' : 'none',
  };
}

/**
 * Scheduled jobs fan work out on the queues of their folder; they read the table to find the work
 * (the outbox sweep also writes its cursor and deletes replays' markers).
 */
export function schedulePermissions(schedule: ScheduleDeclaration): FunctionPermissions {
  return {
    ...nothing,
    table: schedule.handler === OUTBOX_SWEEP ? 'readWrite' : 'read',
    sendTo: sendersOf(schedule.handler),
    deletesItems: deletesItemsOf(schedule.handler),
  };
}

function sendersOf(handler: string): QueueKey[] {
  const matches = (sender: string) => (sender.endsWith('/') ? handler.startsWith(sender) : handler === sender);
  return (Object.keys(queues) as QueueKey[]).filter((queue) => queueSenders[queue].some(matches));
}
