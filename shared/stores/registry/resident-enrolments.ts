import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { EnrolmentRefusalReason, EnrolmentStatus } from '#shared/domain/registry/resident-enrolment.ts';
import { queryAll } from '#shared/stores/table/query-all.ts';
import type { TransactItem } from '#shared/stores/table/transact.ts';

/**
 * The residents' registry (issue #19, finding 10). Two kinds of item:
 * - an enrolment, in its government's partition (pk RESIDENT-ENROLMENTS#{gov}, sk ENROLMENT#{id}), so
 *   the government's officials list the requests waiting for them with one query;
 * - the resident's standing (pk RESIDENT#{sub}, sk STANDING): their government, the enrolment that made
 *   it, the request waiting for a decision and the last decision. It is what every resident token is
 *   read against (shared/wiring/resident-registry.ts).
 * Neither holds anything personal beyond the token's subject (a pseudonymous id) and the identity
 * check's reference.
 */
export interface ResidentEnrolment {
  readonly enrolmentId: string;
  readonly gov: string;
  /** The resident's token subject; never shown to officials (the enrolment id is what the resident presents). */
  readonly subject: string;
  readonly status: EnrolmentStatus;
  readonly requestedAt: string;
  readonly decidedAt?: string;
  readonly decidedBy?: string;
  readonly identityCheckReference?: string;
  readonly reason?: EnrolmentRefusalReason;
  /** For a superseded enrolment: the enrolment (in another government) that replaced it. */
  readonly supersededBy?: string;
}

export interface LastDecision {
  readonly enrolmentId: string;
  readonly gov: string;
  readonly outcome: 'approved' | 'refused';
  readonly decidedAt: string;
  readonly reason?: EnrolmentRefusalReason;
}

export interface ResidentStandingItem {
  readonly subject: string;
  readonly gov?: string;
  /** The approved enrolment that made `gov` the resident's government. */
  readonly enrolmentId?: string;
  readonly since?: string;
  readonly pending?: { readonly enrolmentId: string; readonly gov: string; readonly requestedAt: string };
  readonly last?: LastDecision;
}

const enrolmentKey = (gov: string, enrolmentId: string) => ({ pk: `RESIDENT-ENROLMENTS#${gov}`, sk: `ENROLMENT#${enrolmentId}` });
const standingKey = (subject: string) => ({ pk: `RESIDENT#${subject}`, sk: 'STANDING' });

export async function findEnrolment(gov: string, enrolmentId: string): Promise<ResidentEnrolment | undefined> {
  const { Item } = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: enrolmentKey(gov, enrolmentId) }));
  return Item ? toEnrolment(Item) : undefined;
}

/** A government's enrolments in request order, of one status if given. */
export async function listEnrolments(gov: string, status?: EnrolmentStatus): Promise<ResidentEnrolment[]> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :p',
    ...(status ? { FilterExpression: '#status = :s', ExpressionAttributeNames: { '#status': 'status' } } : {}),
    ExpressionAttributeValues: { ':p': enrolmentKey(gov, '').pk, ...(status ? { ':s': status } : {}) },
  });
  return items.map(toEnrolment).sort((a, b) => a.requestedAt.localeCompare(b.requestedAt) || a.enrolmentId.localeCompare(b.enrolmentId));
}

export async function findStanding(subject: string): Promise<ResidentStandingItem | undefined> {
  const { Item } = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: standingKey(subject) }));
  return Item ? toStanding(Item) : undefined;
}

/** A new request: the enrolment (never overwritten) and the standing's pending request (only if none waits). */
export function requestItems(enrolment: ResidentEnrolment): { enrolment: TransactItem; standing: TransactItem } {
  return {
    enrolment: {
      Put: {
        TableName: tableName(),
        Item: { ...enrolmentKey(enrolment.gov, enrolment.enrolmentId), entity: 'resident-enrolment', ...enrolment },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    standing: {
      Update: {
        TableName: tableName(),
        Key: standingKey(enrolment.subject),
        UpdateExpression: 'SET entity = :e, subject = :s, pending = :p',
        ConditionExpression: 'attribute_not_exists(pending)',
        ExpressionAttributeValues: {
          ':e': 'resident-standing',
          ':s': enrolment.subject,
          ':p': { enrolmentId: enrolment.enrolmentId, gov: enrolment.gov, requestedAt: enrolment.requestedAt },
        },
      },
    },
  };
}

/** The decided enrolment, written only while it is still pending. */
export function decidedEnrolmentItem(decided: ResidentEnrolment): TransactItem {
  return {
    Put: {
      TableName: tableName(),
      Item: { ...enrolmentKey(decided.gov, decided.enrolmentId), entity: 'resident-enrolment', ...decided },
      ConditionExpression: '#status = :pending',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':pending': 'pending' },
    },
  };
}

/**
 * The standing after a decision, written only while the decided enrolment is the one pending and
 * (for an approval) the government it replaces is still the one read.
 */
export function decidedStandingItem(subject: string, decided: LastDecision, replaces: string | undefined): TransactItem {
  const approved = decided.outcome === 'approved';
  return {
    Update: {
      TableName: tableName(),
      Key: standingKey(subject),
      UpdateExpression: approved
        ? 'SET gov = :g, enrolmentId = :id, since = :at, #last = :last REMOVE pending'
        : 'SET #last = :last REMOVE pending',
      ConditionExpression: `pending.enrolmentId = :id${
        approved ? (replaces === undefined ? ' AND attribute_not_exists(enrolmentId)' : ' AND enrolmentId = :replaces') : ''
      }`,
      ExpressionAttributeNames: { '#last': 'last' },
      ExpressionAttributeValues: {
        ':id': decided.enrolmentId,
        ':last': decided,
        ...(approved ? { ':g': decided.gov, ':at': decided.decidedAt } : {}),
        ...(approved && replaces !== undefined ? { ':replaces': replaces } : {}),
      },
    },
  };
}

/** The enrolment a move replaces: it stays, marked superseded by the new one. */
export function supersededItem(gov: string, enrolmentId: string, by: string): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: enrolmentKey(gov, enrolmentId),
      UpdateExpression: 'SET #status = :superseded, supersededBy = :by',
      ConditionExpression: '#status = :approved',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':superseded': 'superseded', ':approved': 'approved', ':by': by },
    },
  };
}

function toEnrolment(item: Record<string, unknown>): ResidentEnrolment {
  return {
    enrolmentId: String(item.enrolmentId),
    gov: String(item.gov),
    subject: String(item.subject),
    status: item.status as EnrolmentStatus,
    requestedAt: String(item.requestedAt),
    ...(typeof item.decidedAt === 'string' ? { decidedAt: item.decidedAt } : {}),
    ...(typeof item.decidedBy === 'string' ? { decidedBy: item.decidedBy } : {}),
    ...(typeof item.identityCheckReference === 'string' ? { identityCheckReference: item.identityCheckReference } : {}),
    ...(typeof item.reason === 'string' ? { reason: item.reason as EnrolmentRefusalReason } : {}),
    ...(typeof item.supersededBy === 'string' ? { supersededBy: item.supersededBy } : {}),
  };
}

function toStanding(item: Record<string, unknown>): ResidentStandingItem {
  return {
    subject: String(item.subject),
    ...(typeof item.gov === 'string' ? { gov: item.gov } : {}),
    ...(typeof item.enrolmentId === 'string' ? { enrolmentId: item.enrolmentId } : {}),
    ...(typeof item.since === 'string' ? { since: item.since } : {}),
    ...(item.pending ? { pending: item.pending as ResidentStandingItem['pending'] & object } : {}),
    ...(item.last ? { last: item.last as LastDecision } : {}),
  };
}
