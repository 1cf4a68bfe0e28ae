import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { Identifier } from '#shared/domain/subsidy/identifiers.ts';
import { nationwideCheck } from '#shared/domain/subsidy/nationwide-check.ts';
import type { HistoryEntry, IdentifierRecords } from '#shared/domain/subsidy/nationwide-check.ts';
import { identifierPartition, historySort } from '#shared/stores/subsidy/keys.ts';
import { recordsOfIdentifier } from '#shared/stores/subsidy/nationwide.ts';
import { loadItems } from '../harness/bulk-load-client.ts';
import { meterDynamo } from '../harness/dynamo-usage.ts';
import { withEmbeddedStack } from '../harness/embedded.ts';
import { versus } from '../harness/report.ts';
import type { Section } from '../harness/section.ts';
import { percentile, round } from '../harness/stats.ts';

// Full: the scale (≥ 100,000 projects); quick: a tenth, so CI's quick run stays short.
const PROJECTS = { quick: 10_000, full: 100_000 };
const CHECKS = { quick: 50, full: 1_000 };
/** A full Scan of the table is the same work every time (its spread is small): 5 suffice for its p50 (was 10). */
const NAIVE_CHECKS = { quick: 1, full: 5 };
/** Projects per recipient on average (a recipient applies in several governments and years). */
const PER_RECIPIENT = 4;

const WORDS = [
  '청소년',
  '어르신',
  '마을',
  '축제',
  '문화',
  '진로',
  '캠프',
  '교실',
  '돌봄',
  '환경',
  '하천',
  '정화',
  '체육',
  '대회',
  '공연',
  '예술',
  '독서',
  '나눔',
  '봉사',
  '안전',
];
const word = (n: number): string => WORDS[n % WORDS.length] as string;
const projectName = (n: number): string => `${word(n)} ${word(n * 7 + 3)} ${word(n * 13 + 5)} 지원사업`;
const planOf = (n: number): string =>
  `${word(n)} ${word(n + 1)} 주민 ${100 + (n % 400)}명과 함께 ${word(n * 3)} ${word(n * 5 + 2)} 프로그램을 운영합니다. ${word(n * 11)} 강사 ${1 + (n % 5)}명을 위촉하고 ${word(n * 17 + 1)} 활동을 기록합니다.`;
const brnOf = (recipient: number): string => String(1_000_000_000 + recipient);
const govOf = (n: number): string => String(11_000 + ((n * 37) % 243) * 10);

/** One check's figures. */
interface Sample {
  readonly ms: number;
  readonly itemsRead: number;
  readonly flags: number;
}

/** One support-history item per project, under the recipient's 사업자등록번호 (as the 교부결정 writes them). */
function historyItem(n: number): { PutRequest: { Item: Record<string, unknown> } } {
  const recipient = Math.floor(n / PER_RECIPIENT);
  const year = 2022 + (n % 5);
  const decidedOn = `${year}-0${1 + (n % 9)}-1${n % 10}`;
  const gov = govOf(n);
  const applicationId = `A-${n}`;
  return {
    PutRequest: {
      Item: {
        pk: identifierPartition({ kind: 'brn', value: brnOf(recipient) }),
        sk: historySort(decidedOn, gov, applicationId),
        entity: 'subsidy-history',
        recipientId: `R-${recipient}`,
        gov,
        year,
        applicationId,
        projectName: projectName(n),
        planSummary: planOf(n),
        period: { start: `${year}-03-01`, end: `${year}-11-30` },
        amount: 5_000_000 + (n % 50) * 100_000,
        decidedOn,
      },
    },
  };
}

/** A new application of an existing recipient, near one of its earlier projects. */
const applicationOf = (i: number, projects: number) => {
  const n = (i * 7_919) % projects;
  return {
    identifiers: [{ kind: 'brn', value: brnOf(Math.floor(n / PER_RECIPIENT)) }] as Identifier[],
    text: {
      gov: '26110',
      applicationId: `NEW-${i}`,
      projectName: projectName(n),
      planSummary: planOf(n + 1),
      period: { start: '2026-03-01', end: '2026-11-30' },
    },
  };
};

/** The naive check: every history item of the nation read (a Scan), the applicant's kept by identifier. */
async function naiveRecords(identifiers: readonly Identifier[]): Promise<IdentifierRecords[]> {
  const wanted = new Map(identifiers.map((id) => [identifierPartition(id), id]));
  const grants = new Map<string, HistoryEntry[]>();
  let start: Record<string, unknown> | undefined;
  do {
    const page = await dynamoClient().send(new ScanCommand({ TableName: tableName(), ExclusiveStartKey: start }));
    for (const item of page.Items ?? []) {
      const pk = String(item.pk);
      if (wanted.has(pk) && String(item.sk).startsWith('GRANT#'))
        grants.set(pk, [...(grants.get(pk) ?? []), item as unknown as HistoryEntry]);
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return [...wanted].map(([pk, identifier]) => ({ identifier, grants: grants.get(pk) ?? [], exclusions: [], returns: [] }));
}

/**
 * 9. The nationwide duplicate check of a 교부결정 (issue #17): ≥ 100,000 projects of the last five years
 * across the 243 governments (a recipient has 4 on average), then for each new application the
 * check the decision runs — one Query per identifier partition, the exclusion/return/similarity
 * rule — timed per application with the items it read; beside a naive Scan of the same table.
 */
export const subsidyDuplicateCheck: Section = {
  id: '11',
  title: 'Subsidy duplicate check (100,000 projects nationwide; quick: 10,000)',
  budgetMs: { quick: 600_000, full: 1_800_000 },
  // idle 2026-12-01: 89.4 s; seed through the seeding door, 5 naive Scans (was 10)
  shareMs: 45_000,
  async run(context) {
    const projects = context.quick ? PROJECTS.quick : PROJECTS.full;
    await withEmbeddedStack(async () => {
      const started = performance.now();
      // The history items as the 교부결정 writes them, through the engine's seeding door (the section
      // measures the check's reads, not the seed: BatchWriteItem took 23 s of the full run for 100,000).
      await loadItems(Array.from({ length: projects }, (_, n) => historyItem(n).PutRequest.Item));
      context.note(
        `seeded ${projects.toLocaleString('en-US')} projects of ${(projects / PER_RECIPIENT).toLocaleString('en-US')} recipients in ${round((performance.now() - started) / 1000, 1)} s`,
      );

      const meter = meterDynamo(dynamoClient());
      try {
        const check = async (records: () => Promise<IdentifierRecords[]>, app: ReturnType<typeof applicationOf>): Promise<Sample> => {
          meter.reset();
          const begun = performance.now();
          const findings = nationwideCheck(app.text, await records(), '2026-03-10');
          return { ms: performance.now() - begun, itemsRead: meter.usage.itemsRead, flags: findings.flags.length };
        };
        const indexed: Sample[] = [];
        for (let i = 0; i < (context.quick ? CHECKS.quick : CHECKS.full); i += 1) {
          const app = applicationOf(i, projects);
          indexed.push(await check(() => Promise.all(app.identifiers.map(recordsOfIdentifier)), app));
        }
        context.log(`indexed checks done; naive scans`);
        const naive: Sample[] = [];
        for (let i = 0; i < (context.quick ? NAIVE_CHECKS.quick : NAIVE_CHECKS.full); i += 1) {
          const app = applicationOf(i, projects);
          naive.push(await check(() => naiveRecords(app.identifiers), app));
        }
        const ms = (sample: { ms: number }[], p: number) =>
          round(
            percentile(
              sample.map((s) => s.ms),
              p,
            ),
            1,
          );
        const items = (sample: { itemsRead: number }[]) =>
          round(
            percentile(
              sample.map((s) => s.itemsRead),
              50,
            ),
          );
        const baseline = { name: 'naive Scan, p50', value: ms(naive, 50), unit: 'ms' };
        context.figure(
          versus({ name: `check per application, p50 (${indexed.length} applications)`, value: ms(indexed, 50), unit: 'ms' }, baseline),
        );
        context.figure({ name: 'check per application, p99', value: ms(indexed, 99), unit: 'ms' });
        context.figure({ name: 'items read per application (identifier Query), p50', value: items(indexed), unit: 'items' });
        context.figure({ name: `naive Scan per application, p50 (${naive.length} applications)`, value: ms(naive, 50), unit: 'ms' });
        context.figure({ name: 'items read per application (naive Scan), p50', value: items(naive), unit: 'items' });
        context.note(
          `${indexed.filter((s) => s.flags > 0).length} of ${indexed.length} applications flagged similar; the naive check found the same flags (${naive.every((s, i) => s.flags === indexed[i]?.flags)})`,
        );
      } finally {
        meter.detach();
      }
    });
  },
};
