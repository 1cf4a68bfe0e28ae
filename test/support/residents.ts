import { decideResidentEnrolment, requestResidentEnrolment } from '#shared/routes/registry.ts';
import { callRoute } from '#test/support/api.ts';

/**
 * Makes `sub` a resident of `gov` the way production does (issue #19, finding 10): the resident
 * asks, the government's 예산부서 approves after an identity check. A resident token's `gov` claim
 * is never read, so tests that act as residents enrol them first.
 */
export async function enrolResident(sub: string, gov: string): Promise<void> {
  const asked = await callRoute(requestResidentEnrolment, { caller: { sub, roles: ['resident'] }, body: { gov } });
  if (asked.status !== 201) throw new Error(`enrolling ${sub} in ${gov}: ${asked.status} ${JSON.stringify(asked.body)}`);
  const decided = await callRoute(decideResidentEnrolment, {
    caller: { sub: `enrolment-officer-${gov}`, roles: ['budget_officer'], gov },
    params: { gov, enrolmentId: asked.body.enrolmentId },
    body: { outcome: 'approve', identityCheckReference: `TEST-${asked.body.enrolmentId.slice(0, 8)}` },
  });
  if (decided.status !== 200) throw new Error(`approving ${sub} in ${gov}: ${decided.status} ${JSON.stringify(decided.body)}`);
}
