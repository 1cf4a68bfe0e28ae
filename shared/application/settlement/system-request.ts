import type { RequestInfo } from '#shared/http/request-info.ts';

/**
 * The request information of a scheduled job's own changes, for their audit records: the actor is
 * the settlement job (role "system"), the request id the job's message id.
 */
export const SETTLEMENT_JOB_SUBJECT = 'system:settlement';

export function systemRequest(requestId: string, now: Date): RequestInfo {
  return {
    requestId,
    sourceIp: 'internal',
    bodySha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    receivedAt: now.toISOString(),
    caller: { sub: SETTLEMENT_JOB_SUBJECT, roles: [], gov: undefined, dept: undefined },
    actingRole: undefined,
    headers: {},
  };
}
