import { governmentRead, governmentReaders, governmentWrite, nationalRead, nationalWrite, publicAccess } from '#shared/auth/access.ts';
import { defineRoute } from '#shared/http/route.ts';
import { govParams } from '#shared/schemas/common.ts';
import {
  decideEnrolmentBody,
  enrolmentList,
  enrolmentParams,
  enrolmentStatusQuery,
  enrolmentView,
  myEnrolmentView,
  requestEnrolmentBody,
  concurrentRolesBody,
  concurrentRolesView,
  government,
  governmentList,
  listGovernmentsQuery,
  machineClientList,
  machineClientParams,
  machineClientView,
  registerMachineClientBody,
} from '#shared/schemas/registry.ts';

const tags = ['Registry'];

export const listGovernments = defineRoute({
  id: 'listGovernments',
  method: 'GET',
  path: '/governments',
  handler: 'registry/list-governments',
  summary: 'The 243 local governments (17 metropolitan, 226 basic)',
  tags,
  access: publicAccess,
  query: listGovernmentsQuery,
  response: governmentList,
});

export const getGovernment = defineRoute({
  id: 'getGovernment',
  method: 'GET',
  path: '/governments/{gov}',
  handler: 'registry/get-government',
  summary: 'One local government',
  tags,
  access: publicAccess,
  params: govParams,
  response: government,
});

/** 겸직 is internal control (지방회계법 제51조): the 회계책임관 keeps it; the head may too. */
const concurrentRolesPath = '/governments/{gov}/concurrent-roles';

export const getConcurrentRoles = defineRoute({
  id: 'getConcurrentRoles',
  method: 'GET',
  path: concurrentRolesPath,
  handler: 'registry/get-concurrent-roles',
  summary: '겸직 configuration: the exceptions (시행령 제25조, 제46조) the government allows to the 지방회계법 제23조·제36조 separations',
  tags,
  access: governmentRead(...governmentReaders),
  params: govParams,
  response: concurrentRolesView,
});

export const putConcurrentRoles = defineRoute({
  id: 'putConcurrentRoles',
  method: 'PUT',
  path: concurrentRolesPath,
  handler: 'registry/put-concurrent-roles',
  summary: 'Record the 겸직 exceptions of a government (only those the law allows, in offices within their 정원 limit)',
  description:
    'With them, optionally, the 회계책임관 and 통합지출관 appointed (시행령 제5조①: two officials, the first the direct ' +
    'superior or of a higher grade; 422 chief-accountant-not-separate, chief-accountant-not-senior) and the 재정보증 ' +
    'register (지방회계법 제50조; each at least 10,000,000 won, 시행령 제56조: 422 fidelity-guarantee-below-minimum). ' +
    'Once the register is present, an official without a guarantee in force is refused (403 fidelity-guarantee-missing) ' +
    'at 지출원인행위, 지급명령, 수납 and the 출납원 operations.',
  tags,
  access: governmentWrite('chief_accountant', 'head'),
  params: govParams,
  body: concurrentRolesBody,
  response: concurrentRolesView,
});

/**
 * The machine-client registry (issue #19, finding 10), beside `npm run machine-clients`: which
 * governments and role each client-credentials client acts for. Only the ministry (the national
 * operators) manages it; no government may register a client for itself or another.
 */
const machineClientsPath = '/machine-clients';

export const listMachineClients = defineRoute({
  id: 'listMachineClients',
  method: 'GET',
  path: machineClientsPath,
  handler: 'registry/list-machine-clients',
  summary: 'The registered machine clients (treasury bank links, department systems): governments, role, status',
  tags,
  access: nationalRead('ministry'),
  response: machineClientList,
});

export const registerMachineClient = defineRoute({
  id: 'registerMachineClient',
  method: 'PUT',
  path: `${machineClientsPath}/{clientId}`,
  handler: 'registry/register-machine-client',
  summary: 'Register (or re-register, active) a client-credentials client for one or more governments in a machine role',
  description:
    'The token must still carry a scope of the role (`hojo/payments.confirm` or `hojo/revenue.receive` for treasury_bank). ' +
    'The API reads the registration on each machine token and trusts it for a minute per function instance.',
  tags,
  access: nationalWrite('ministry'),
  params: machineClientParams,
  body: registerMachineClientBody,
  response: machineClientView,
});

export const suspendMachineClient = defineRoute({
  id: 'suspendMachineClient',
  method: 'POST',
  path: `${machineClientsPath}/{clientId}/suspension`,
  handler: 'registry/suspend-machine-client',
  summary: 'Suspend a registered machine client: its tokens act for nobody within a minute',
  tags,
  access: nationalWrite('ministry'),
  params: machineClientParams,
  response: machineClientView,
});

/**
 * Residents' onboarding (issue #19, finding 10): a resident asks to be enrolled in the government
 * they live in; its 예산부서, which runs 주민참여예산 (지방재정법 §39; the participation routes'
 * budget_officer, practice), approves after an identity check (본인확인), recording only the check's
 * reference, or refuses. The approved enrolment is the resident's government from then on.
 * The resident's own routes are national (no government yet) and only residents call them.
 */
const myEnrolmentPath = '/resident-enrolments';
const governmentEnrolmentsPath = '/governments/{gov}/resident-enrolments';

export const requestResidentEnrolment = defineRoute({
  id: 'requestResidentEnrolment',
  method: 'POST',
  path: myEnrolmentPath,
  handler: 'registry/request-resident-enrolment',
  summary: 'A resident asks to be enrolled in the government they live in (one request at a time)',
  description:
    'The body names the government and nothing else; the subject comes from the token. The answer carries the enrolment id ' +
    'the resident presents at the identity check. 409 enrolment-pending while an earlier request waits, already-enrolled for ' +
    'their present government. Approved in another government, it replaces the present one.',
  tags,
  access: nationalWrite('resident'),
  body: requestEnrolmentBody,
  response: enrolmentView,
  status: 201,
  maxBodyBytes: 1024,
});

export const getMyResidentEnrolment = defineRoute({
  id: 'getMyResidentEnrolment',
  method: 'GET',
  path: `${myEnrolmentPath}/mine`,
  handler: 'registry/get-my-resident-enrolment',
  summary: 'The calling resident’s government, the request awaiting a decision and the last decision',
  tags,
  access: nationalRead('resident'),
  response: myEnrolmentView,
});

export const listResidentEnrolments = defineRoute({
  id: 'listResidentEnrolments',
  method: 'GET',
  path: governmentEnrolmentsPath,
  handler: 'registry/list-resident-enrolments',
  summary: 'The government’s resident enrolments in request order (the 예산부서), without the residents’ subjects',
  tags,
  access: governmentRead('budget_officer'),
  params: govParams,
  query: enrolmentStatusQuery,
  response: enrolmentList,
});

export const decideResidentEnrolment = defineRoute({
  id: 'decideResidentEnrolment',
  method: 'POST',
  path: `${governmentEnrolmentsPath}/{enrolmentId}/decision`,
  handler: 'registry/decide-resident-enrolment',
  summary: 'Approve an enrolment after the identity check (its reference only) or refuse it with a reason from a fixed list',
  description:
    'An approval makes this government the resident’s (within a minute on every function instance); a resident of another ' +
    'government moves, and their earlier enrolment becomes superseded. A reference shaped like a 주민등록번호 is refused ' +
    '(422 personal-data-in-reference); a second decision is 409 enrolment-already-decided.',
  tags,
  access: governmentWrite('budget_officer'),
  params: enrolmentParams,
  body: decideEnrolmentBody,
  response: enrolmentView,
  maxBodyBytes: 1024,
});
