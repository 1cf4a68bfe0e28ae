import { governmentRead, governmentReaders, governmentWrite } from '#shared/auth/access.ts';
import { defineRoute } from '#shared/http/route.ts';
import { govYearParams } from '#shared/schemas/common.ts';
import {
  carryOverBody,
  carryOverList,
  carryOverParams,
  carryOverView,
  closingAccepted,
  closingRequestBody,
  closingStatus,
} from '#shared/schemas/settlement.ts';

const tags = ['Settlement'];

export const recordCarryOver = defineRoute({
  id: 'recordCarryOver',
  method: 'PUT',
  path: '/governments/{gov}/settlement/{year}/carry-overs/{lineId}',
  handler: 'settlement/record-carry-over',
  summary: 'Record the carry-over (명시이월 · 사고이월 · 계속비이월) of an expenditure line into next year',
  description:
    'By the chief accountant (회계책임관) while the year is open. The amount is at most 예산현액 − 지출액 of the line; recording again replaces it. ' +
    'The year-end closing reports it as 이월액 and makes it the carry-in of next year’s line.',
  tags,
  access: governmentWrite('chief_accountant'),
  params: carryOverParams,
  body: carryOverBody,
  response: carryOverView,
  maxBodyBytes: 4096,
});

export const listCarryOvers = defineRoute({
  id: 'listCarryOvers',
  method: 'GET',
  path: '/governments/{gov}/settlement/{year}/carry-overs',
  handler: 'settlement/list-carry-overs',
  summary: 'Carry-overs recorded for a fiscal year',
  tags,
  access: governmentRead(...governmentReaders),
  params: govYearParams,
  response: carryOverList,
});

export const requestClosing = defineRoute({
  id: 'requestClosing',
  method: 'POST',
  path: '/governments/{gov}/settlement/{year}/closings',
  handler: 'settlement/request-closing',
  summary: 'Run (or resume) a daily, monthly or year-end closing of this government now',
  description:
    'Queues the closing; it is idempotent, so requesting a closing that already ran changes nothing. Inspect progress with GET on the same path.',
  tags,
  access: governmentWrite('chief_accountant'),
  params: govYearParams,
  body: closingRequestBody,
  response: closingAccepted,
  status: 202,
  maxBodyBytes: 1024,
});

export const getClosingStatus = defineRoute({
  id: 'getClosingStatus',
  method: 'GET',
  path: '/governments/{gov}/settlement/{year}/closings',
  handler: 'settlement/get-closing-status',
  summary: 'Progress of the closings of a fiscal year (steps done, items read, reconciliation differences)',
  tags,
  access: governmentRead(...governmentReaders),
  params: govYearParams,
  response: closingStatus,
});
