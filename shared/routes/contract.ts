import { governmentRead, governmentReaders, governmentWrite } from '#shared/auth/access.ts';
import { defineRoute } from '#shared/http/route.ts';
import { govParams } from '#shared/schemas/common.ts';
import {
  advanceClaimBody,
  advanceReturnBody,
  contractChangeBody,
  contractList,
  contractParams,
  contractView,
  defectDepositBody,
  inspectionBody,
  registerContractBody,
} from '#shared/schemas/contract.ts';

const tags = ['Contracts (계약)'];
/** The 계약담당자 (재무관, 지방계약법 시행령 §6①) and the 회계책임관 keep the register. */
const contractOffice = governmentWrite('finance_officer', 'chief_accountant');
const readers = governmentRead(...governmentReaders);
const base = '/governments/{gov}/contracts';

export const registerContract = defineRoute({
  id: 'registerContract',
  method: 'POST',
  path: base,
  handler: 'contract/register-contract',
  summary: '계약 등록 (지방계약법 §14): counterparty, amount, period, guarantees, type (장기계속 차수, 계속비, 단가, 공동)',
  tags,
  access: contractOffice,
  params: govParams,
  body: registerContractBody,
  response: contractView,
  status: 201,
  maxBodyBytes: 64 * 1024,
});

export const listContracts = defineRoute({
  id: 'listContracts',
  method: 'GET',
  path: base,
  handler: 'contract/list-contracts',
  summary: 'The contract register of a government',
  tags,
  access: readers,
  params: govParams,
  response: contractList,
});

export const getContract = defineRoute({
  id: 'getContract',
  method: 'GET',
  path: `${base}/{contractId}`,
  handler: 'contract/get-contract',
  summary: 'One contract: changes, 선금 claims and inspections with their payment orders, and the unnetted 선금',
  tags,
  access: readers,
  params: contractParams,
  response: contractView,
});

export const changeContract = defineRoute({
  id: 'changeContract',
  method: 'POST',
  path: `${base}/{contractId}/changes`,
  handler: 'contract/change-contract',
  summary: '계약금액 조정 (지방계약법 §22): the new amount and schedule, kept in the change history',
  tags,
  access: contractOffice,
  params: contractParams,
  body: contractChangeBody,
  response: contractView,
  status: 201,
  maxBodyBytes: 16 * 1024,
});

export const claimContractAdvance = defineRoute({
  id: 'claimContractAdvance',
  method: 'POST',
  path: `${base}/{contractId}/advances`,
  handler: 'contract/claim-advance',
  summary: "선금 claim (회계령 §44①: ≤ 70% of a 공사·제조·용역 contract, ≤ 100% by the head's decision); paid by a payment order naming it",
  tags,
  access: contractOffice,
  params: contractParams,
  body: advanceClaimBody,
  response: contractView,
  status: 201,
  maxBodyBytes: 2 * 1024,
});

export const recordContractInspection = defineRoute({
  id: 'recordContractInspection',
  method: 'POST',
  path: `${base}/{contractId}/inspections`,
  handler: 'contract/record-inspection',
  summary: '검사 (지방계약법 §17): 기성 or 준공, with the 선금 netted against it and what it makes payable',
  tags,
  access: governmentWrite('department_official', 'finance_officer'),
  params: contractParams,
  body: inspectionBody,
  response: contractView,
  status: 201,
  maxBodyBytes: 2 * 1024,
});

export const recordContractAdvanceReturn = defineRoute({
  id: 'recordContractAdvanceReturn',
  method: 'POST',
  path: `${base}/{contractId}/advance-returns`,
  handler: 'contract/record-advance-return',
  summary: 'A 선금 returned (반납) instead of netted, as the treasury bank confirmed it',
  tags,
  access: governmentWrite('disbursing_officer', 'revenue_officer'),
  params: contractParams,
  body: advanceReturnBody,
  response: contractView,
  status: 201,
  maxBodyBytes: 2 * 1024,
});

export const recordContractDefectDeposit = defineRoute({
  id: 'recordContractDefectDeposit',
  method: 'POST',
  path: `${base}/{contractId}/defect-deposit`,
  handler: 'contract/record-defect-deposit',
  summary: '하자보수보증금: name the 세입세출외현금 deposit that holds the guarantee (지방계약법 §21)',
  description:
    'The deposit must have been received through the bank (POST …/custody/{custodyId}/deposits; 404 defect-deposit-not-found), ' +
    'be a 하자보수보증금 of this contract (422 defect-deposit-mismatch) and still hold the contract amount × its rate ' +
    '(422 defect-deposit-short).',
  tags,
  access: contractOffice,
  params: contractParams,
  body: defectDepositBody,
  response: contractView,
  status: 201,
  maxBodyBytes: 1024,
});
