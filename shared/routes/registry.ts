import { publicAccess } from '#shared/auth/access.ts';
import { defineRoute } from '#shared/http/route.ts';
import { govParams } from '#shared/schemas/common.ts';
import { government, governmentList, listGovernmentsQuery } from '#shared/schemas/registry.ts';

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
