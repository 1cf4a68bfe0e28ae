import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '#infra/cdk/handler-entry.ts';
import { consumerPermissions, routePermissions, schedulePermissions } from '#infra/cdk/permissions.ts';
import type { FunctionPermissions } from '#infra/cdk/permissions.ts';
import { governmentRead, governmentWrite, publicAccess } from '#shared/auth/access.ts';
import type { HttpMethod, Route } from '#shared/http/route.ts';
import { queues } from '#shared/resources.ts';
import type { QueueKey } from '#shared/resources.ts';
import { routes } from '#shared/routes/index.ts';
import { schedules } from '#shared/schedules.ts';
import { codeUsage } from '#test/infra/code-usage.ts';

const route = (method: HttpMethod, handler: string, access = governmentWrite('budget_officer')): Route => ({
  id: handler.replace(/\W/g, ''),
  method,
  path: '/governments/{gov}/x',
  handler,
  summary: 'test route',
  tags: [],
  access,
});

describe('the permission table', () => {
  it('lets GET routes read the table and nothing else', () => {
    expect(routePermissions(route('GET', 'budget/list-lines', governmentRead('budget_officer')))).toEqual({
      table: 'read',
      deletesItems: false,
      batchWrites: false,
      sendTo: [],
      archive: 'none',
      inspectAll: false,
    });
  });

  it('lets write routes write the table; only expenditure, revenue and posting corrections enqueue postings', () => {
    expect(routePermissions(route('POST', 'expenditure/create-commitment'))).toMatchObject({ table: 'readWrite', sendTo: ['postings'] });
    expect(routePermissions(route('POST', 'revenue/receive-revenue'))).toMatchObject({ table: 'readWrite', sendTo: ['postings'] });
    expect(routePermissions(route('POST', 'postings/correct-posting'))).toMatchObject({ sendTo: ['postings'] });
    expect(routePermissions(route('POST', 'budget/allot'))).toMatchObject({ table: 'readWrite', sendTo: [], deletesItems: false });
    expect(routePermissions(route('GET', 'expenditure/anything', governmentRead()))).toMatchObject({ table: 'read', sendTo: [] });
  });

  it('grants DeleteItem only to the draft budget line editors, and only on write routes', () => {
    expect(routePermissions(route('PUT', 'budget/edit-lines')).deletesItems).toBe(true);
    expect(routePermissions(route('POST', 'budget/import-lines')).deletesItems).toBe(true);
    expect(routePermissions(route('POST', 'budget/transition-version')).deletesItems).toBe(false);
    expect(routePermissions(route('GET', 'budget/edit-lines', governmentRead())).deletesItems).toBe(false);
  });

  it('lets settlement routes enqueue closings and report GETs read the archive; nobody but the settlement consumer writes it', () => {
    expect(routePermissions(route('POST', 'settlement/request-closing'))).toMatchObject({ sendTo: ['settlement'], archive: 'none' });
    expect(routePermissions(route('GET', 'reports/get-archive-download', governmentRead()))).toMatchObject({
      table: 'read',
      archive: 'read',
    });
    // A listing reads the archive index in the table, never an object.
    expect(routePermissions(route('GET', 'reports/list-archives', governmentRead()))).toMatchObject({ table: 'read', archive: 'none' });
    expect(routePermissions(route('POST', 'reports/anything'))).toMatchObject({ archive: 'none' });
    expect(consumerPermissions('settlement')).toMatchObject({ table: 'readWrite', archive: 'readWrite', sendTo: [] });
    expect(consumerPermissions('postings')).toMatchObject({ table: 'readWrite', archive: 'none', sendTo: [] });
  });

  it('gives platform routes nothing but lets /health/dependencies inspect every dependency', () => {
    expect(routePermissions(route('GET', 'platform/openapi', publicAccess))).toMatchObject({
      table: 'none',
      archive: 'none',
      inspectAll: false,
    });
    expect(routePermissions(route('GET', 'platform/health', publicAccess))).toMatchObject({
      table: 'none',
      archive: 'none',
      inspectAll: false,
    });
    expect(routePermissions(route('GET', 'platform/health-dependencies'))).toMatchObject({
      table: 'none',
      archive: 'none',
      inspectAll: true,
    });
  });

  it('lets settlement schedules fan out on the settlement queue', () => {
    expect(schedulePermissions({ name: 'x', description: '', cron: '0 0 * * ? *', handler: 'settlement/start-closing' })).toMatchObject({
      sendTo: ['settlement'],
    });
  });
});

/** Each declared function with the permissions the stack grants it. */
const declaredFunctions: { by: string; handler: string; permissions: FunctionPermissions }[] = [
  ...routes.map((r) => ({ by: `route ${r.id}`, handler: r.handler, permissions: routePermissions(r) })),
  ...(Object.keys(queues) as QueueKey[]).map((key) => ({
    by: `queue ${key}`,
    handler: queues[key].consumer.handler,
    permissions: consumerPermissions(key),
  })),
  ...schedules.map((s) => ({ by: `schedule ${s.name}`, handler: s.handler, permissions: schedulePermissions(s) })),
];

describe('the permission table against the code', () => {
  const existing = declaredFunctions.filter((f) => existsSync(join(projectRoot, 'functions', `${f.handler}.ts`)));

  it('finds the code of most declared handlers (missing ones fail declarations.test.ts)', () => {
    expect(existing.length).toBeGreaterThan(0);
  });

  it('grants every declared function exactly what its code calls, action by action, both ways (issue #19, finding 8)', async () => {
    const usage = await codeUsage(
      projectRoot,
      existing.map((f) => f.handler),
    );
    const problems: string[] = [];
    for (const { by, handler, permissions } of existing) {
      const uses = usage.get(handler)!;
      const need = (ok: boolean, what: string) => ok || problems.push(`${by} (${handler}) ${what}`);
      need(uses.readsTable === (permissions.table !== 'none'), `reads the table: ${uses.readsTable}, granted: ${permissions.table}`);
      need(
        uses.writesTable === (permissions.table === 'readWrite'),
        `writes the table: ${uses.writesTable}, granted: ${permissions.table}`,
      );
      need(
        uses.batchWritesTable === permissions.batchWrites,
        `batch-writes: ${uses.batchWritesTable}, granted: ${permissions.batchWrites} (see batchWriters)`,
      );
      need(
        !uses.deletesTableItems || permissions.deletesItems,
        'deletes table items without DeleteItem (see itemDeleters and deletesItemsOf)',
      );
      need(
        uses.readsArchive === (permissions.archive !== 'none'),
        `reads the archive: ${uses.readsArchive}, granted: ${permissions.archive} (see archiveReaders)`,
      );
      need(
        uses.writesArchive === (permissions.archive === 'readWrite'),
        `writes the archive: ${uses.writesArchive}, granted: ${permissions.archive}`,
      );
      need(
        [...uses.sendsTo].sort().join() === [...permissions.sendTo].sort().join(),
        `sends to [${[...uses.sendsTo]}] but is granted [${permissions.sendTo}] (see queueSenders)`,
      );
      need(!permissions.deletesItems || uses.deletesTableItems, 'holds DeleteItem but never deletes');
      // Issue #19.8: Scan is granted to nobody; DescribeTable exactly where the code describes the table (deep health).
      need(!uses.scansTable, 'scans the table, which no role may (query by key instead)');
      need(
        uses.describesTable === permissions.inspectAll,
        `describes the table: ${uses.describesTable}, granted DescribeTable: ${permissions.inspectAll}`,
      );
    }
    expect(problems).toEqual([]);
  });
});
