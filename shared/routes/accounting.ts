import { governmentRead, governmentReaders, governmentWrite } from '#shared/auth/access.ts';
import { defineRoute } from '#shared/http/route.ts';
import { adjustingEntriesBody, adjustingEntriesView, assetRegister } from '#shared/schemas/accounting.ts';
import { govParams, govYearParams } from '#shared/schemas/common.ts';

const tags = ['Accounting'];

export const recordAdjustingEntries = defineRoute({
  id: 'recordAdjustingEntries',
  method: 'POST',
  path: '/governments/{gov}/accounting/{year}/adjusting-entries',
  handler: 'accounting/record-adjusting-entries',
  summary:
    'Record a kind of year-end adjusting entries (결산정리분개): 건설중인자산 대체, 자산취득 등록, 감가상각, 대손충당금, 지방채할인발행차금 상각',
  description:
    'By the chief accountant (회계책임관) while the year is not closed. The entries are computed by the valuation rules of ' +
    '「지방자치단체 회계기준에 관한 규칙」 (제46·49·50·51·54조) from the ledger and the asset register, dated 31 December, ' +
    'and enter the ledger so that the year-end statements include them. Each kind is recorded once per year: repeating the ' +
    'same request answers the recorded entries; a different one is refused. Large adjustments are written in parts of at most ' +
    '100 actions; a call that failed midway is completed by sending the same request again.',
  tags,
  access: governmentWrite('chief_accountant'),
  params: govYearParams,
  body: adjustingEntriesBody,
  response: adjustingEntriesView,
  maxBodyBytes: 131_072,
});

export const listAssetRegister = defineRoute({
  id: 'listAssetRegister',
  method: 'GET',
  path: '/governments/{gov}/accounting/assets',
  handler: 'accounting/list-asset-register',
  summary: 'The asset register the adjusting entries keep (capital assets with cost, in-service date and useful life)',
  tags,
  access: governmentRead(...governmentReaders),
  params: govParams,
  response: assetRegister,
});
