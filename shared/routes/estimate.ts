import { governmentRead, governmentReaders, governmentWrite } from '#shared/auth/access.ts';
import { defineRoute } from '#shared/http/route.ts';
import { govYearParams } from '#shared/schemas/common.ts';
import { estimateBody, estimatedPayment, estimateParams, settlementBody } from '#shared/schemas/estimate.ts';

const tags = ['개산급 (estimated payments)'];
const base = '/governments/{gov}/years/{year}/estimated-payments';
/** The 재무관 decides the estimate and its 정산 (지방회계법 §29, §35). */
const writers = governmentWrite('finance_officer');

export const recordEstimatedPayment = defineRoute({
  id: 'recordEstimatedPayment',
  method: 'POST',
  path: base,
  handler: 'estimate/record',
  summary: '개산급 (회계령 §45): an estimated payment for a listed cost, to be settled afterwards',
  tags,
  access: writers,
  params: govYearParams,
  body: estimateBody,
  response: estimatedPayment,
  status: 201,
  maxBodyBytes: 2 * 1024,
});

export const getEstimatedPayment = defineRoute({
  id: 'getEstimatedPayment',
  method: 'GET',
  path: `${base}/{estimateId}`,
  handler: 'estimate/get',
  summary: 'A 개산급 with its settlement',
  tags,
  access: governmentRead(...governmentReaders),
  params: estimateParams,
  response: estimatedPayment,
});

export const settleEstimatedPayment = defineRoute({
  id: 'settleEstimatedPayment',
  method: 'POST',
  path: `${base}/{estimateId}/settlement`,
  handler: 'estimate/settle',
  summary: '개산급 정산: the actual cost; the difference is paid to the payee or returned by it (once)',
  tags,
  access: writers,
  params: estimateParams,
  body: settlementBody,
  response: estimatedPayment,
  status: 201,
  maxBodyBytes: 1024,
});
