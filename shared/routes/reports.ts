import { governmentRead, governmentReaders, nationalRead } from '#shared/auth/access.ts';
import { defineRoute } from '#shared/http/route.ts';
import { govParams, govYearParams } from '#shared/schemas/common.ts';
import { archivePage, downloadQuery, downloadView, governmentArchivesQuery, nationalArchivesQuery } from '#shared/schemas/settlement.ts';

const tags = ['Reports'];

export const listArchives = defineRoute({
  id: 'listArchives',
  method: 'GET',
  path: '/archives',
  handler: 'reports/list-archives',
  summary: 'Archived closing reports of every government in a fiscal year (ministry)',
  description:
    'Each entry is a report and period with its manifest: files, sizes and SHA-256. Paginate with nextCursor; fetch a file with the download route of its government.',
  tags,
  access: nationalRead('ministry'),
  query: nationalArchivesQuery,
  response: archivePage,
});

export const listGovernmentArchives = defineRoute({
  id: 'listGovernmentArchives',
  method: 'GET',
  path: '/governments/{gov}/archives/{year}',
  handler: 'reports/list-government-archives',
  summary: "A government's archived closing reports of a fiscal year",
  tags,
  access: governmentRead(...governmentReaders),
  params: govYearParams,
  query: governmentArchivesQuery,
  response: archivePage,
});

export const getArchiveDownload = defineRoute({
  id: 'getArchiveDownload',
  method: 'GET',
  path: '/governments/{gov}/archive-download',
  handler: 'reports/get-archive-download',
  summary: 'A presigned download URL (valid 300 s) for one archived file, with the SHA-256 it must have',
  tags,
  access: governmentRead(...governmentReaders),
  params: govParams,
  query: downloadQuery,
  response: downloadView,
});
