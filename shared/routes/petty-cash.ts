import { governmentRead, governmentReaders, governmentWrite } from '#shared/auth/access.ts';
import { defineRoute } from '#shared/http/route.ts';
import { govYearParams } from '#shared/schemas/common.ts';
import {
  pettyCashAdvance,
  pettyCashAdvanceBody,
  pettyCashAdvanceParams,
  pettyCashReturnBody,
  pettyCashSpendingBody,
} from '#shared/schemas/petty-cash.ts';

const tags = ['일상경비등 (petty-cash advances)'];
const base = '/governments/{gov}/years/{year}/petty-cash/advances';

export const advancePettyCash = defineRoute({
  id: 'advancePettyCash',
  method: 'POST',
  path: base,
  handler: 'petty-cash/advance',
  summary: '일상경비등 교부 (지방회계법 §34): an advance to an 출납원 for a 회계령 §38① item, within its limit and period (§38②, §39)',
  tags,
  access: governmentWrite('disbursing_officer'),
  params: govYearParams,
  body: pettyCashAdvanceBody,
  response: pettyCashAdvance,
  status: 201,
  maxBodyBytes: 8 * 1024,
});

export const getPettyCashAdvance = defineRoute({
  id: 'getPettyCashAdvance',
  method: 'GET',
  path: `${base}/{advanceId}`,
  handler: 'petty-cash/get-advance',
  summary: 'An advance with its spendings, returns and 출납계산서 (회계령 §43②)',
  tags,
  // and the 일상경비등 출납원 who keeps it (its 현금출납부, 회계령 §59②; the 출납계산서 is its own, §43②)
  access: governmentRead(...governmentReaders, 'petty_cash_cashier'),
  params: pettyCashAdvanceParams,
  response: pettyCashAdvance,
});

export const recordPettyCashSpending = defineRoute({
  id: 'recordPettyCashSpending',
  method: 'POST',
  path: `${base}/{advanceId}/spendings`,
  handler: 'petty-cash/record-spending',
  summary: "지급원인행위 from the advance, within the 목별 amount advanced (회계령 §41①): the 사업부서's 분임재무관 and 출납원",
  tags,
  // the 일상경비등 출납원 (지방회계법 제44조③) records what it paid out of the advance; department_official stands for the
  // 분임재무관 of the 사업부서 (시행령 제41조①)
  access: governmentWrite('department_official', 'petty_cash_cashier'),
  params: pettyCashAdvanceParams,
  body: pettyCashSpendingBody,
  response: pettyCashAdvance,
  status: 201,
  maxBodyBytes: 2 * 1024,
});

export const returnPettyCash = defineRoute({
  id: 'returnPettyCash',
  method: 'POST',
  path: `${base}/{advanceId}/returns`,
  handler: 'petty-cash/return',
  summary: 'Unspent money returned to the 지출원 (by 20 January of the next year, 지방회계법 §7②)',
  tags,
  access: governmentWrite('department_official', 'disbursing_officer', 'petty_cash_cashier'),
  params: pettyCashAdvanceParams,
  body: pettyCashReturnBody,
  response: pettyCashAdvance,
  status: 201,
  maxBodyBytes: 1024,
});
