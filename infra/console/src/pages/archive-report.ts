import { api, archiveBytes } from '../api.ts';
import { h, replace } from '../dom.ts';
import { size, won } from '../format.ts';
import { governmentName, governments } from '../governments.ts';
import { sha256Hex } from '../sha256.ts';
import { problemMessage } from '../ui.ts';

interface Download {
  key: string;
  url: string;
  sha256: string;
  size: number;
  contentType: string;
  manifestKey: string;
  manifestSha256: string;
}
interface Manifest {
  report: string;
  title: string;
  gov: string;
  year: number;
  period: string;
  files: { file: string; key: string; contentType: string; size: number; sha256: string }[];
}
interface ReportColumn {
  key: string;
  label: string;
  type: 'text' | 'won';
}
interface ReportDocument {
  title: string;
  tables: Record<
    string,
    {
      title: string;
      columns: ReportColumn[];
      rows: Record<string, string>[];
      /** Names of the codes in a text column (column key → code → name); absent in reports archived before they were added. */
      names?: Record<string, Record<string, string>>;
    }
  >;
}

interface Verified {
  readonly bytes: ArrayBuffer;
  readonly expected: string;
  readonly actual: string;
  readonly ok: boolean;
}

/**
 * One archived file: a download URL from the API (which has already compared the stored bytes with
 * the archive index), then the bytes fetched by this page from its own origin and hashed here,
 * compared with the SHA-256 the manifest records — a check of what reached the reader's screen.
 */
async function verifiedFile(gov: string, key: string, expected?: string): Promise<Verified> {
  const download = await api<Download>(`/governments/${gov}/archive-download`, { key });
  const bytes = await archiveBytes(download.url);
  const want = expected ?? download.sha256;
  const actual = await sha256Hex(bytes);
  return { bytes, expected: want, actual, ok: actual === want };
}

const badge = (verified: Verified): HTMLElement =>
  verified.ok
    ? h('span', { class: 'verified', 'data-verified': 'true' }, 'SHA-256 확인됨 · SHA-256 verified')
    : h(
        'span',
        { class: 'mismatch', 'data-verified': 'false', role: 'alert' },
        `SHA-256 불일치 · SHA-256 mismatch (기대 ${verified.expected.slice(0, 12)}…, 받은 파일 ${verified.actual.slice(0, 12)}…)`,
      );

/** The report view: its manifest (verified), every file with a verified download, the tables of report.json (verified). */
export function archiveReport(gov: string, manifestKey: string): HTMLElement {
  const body = h('div', { 'aria-busy': 'true' }, h('p', { class: 'loading' }, '보고서를 불러오는 중…'));
  const view = h(
    'article',
    { id: 'report-view', 'aria-labelledby': 'report-title' },
    h('h1', { id: 'report-title' }, '보관된 보고서'),
    body,
  );
  void (async () => {
    try {
      const [manifestFile, all] = await Promise.all([verifiedFile(gov, manifestKey), governments()]);
      const manifest = JSON.parse(new TextDecoder().decode(manifestFile.bytes)) as Manifest;
      replace(
        view.querySelector('h1') as HTMLElement,
        `${governmentName(all, manifest.gov)} ${manifest.year}회계연도 ${manifest.title} — ${manifest.period}`,
      );
      const json = manifest.files.find((f) => f.file === 'report.json');
      const reportFile = json ? await verifiedFile(gov, json.key, json.sha256) : undefined;
      replace(
        body,
        h(
          'section',
          { id: 'manifest', 'aria-labelledby': 'manifest-title' },
          h('h2', { id: 'manifest-title' }, '목록(manifest)과 무결성'),
          h('p', {}, '목록 파일: ', badge(manifestFile)),
          manifestTable(gov, manifest),
        ),
        reportFile
          ? h(
              'section',
              { id: 'report-tables' },
              h('p', {}, 'report.json: ', badge(reportFile)),
              ...(reportFile.ok ? reportTables(reportFile.bytes) : [h('p', {}, '검증되지 않은 파일의 내용은 표시하지 않습니다.')]),
            )
          : null,
      );
    } catch (error) {
      replace(body, problemMessage(error));
    } finally {
      body.setAttribute('aria-busy', 'false');
    }
  })();
  return view;
}

function manifestTable(gov: string, manifest: Manifest): HTMLElement {
  return h(
    'table',
    { class: 'data manifest' },
    h('caption', {}, '보관 파일'),
    h('thead', {}, h('tr', {}, ...['파일', '형식', '크기', 'SHA-256', '내려받기'].map((label) => h('th', { scope: 'col' }, label)))),
    h(
      'tbody',
      {},
      ...manifest.files.map((file) => {
        const status = h('span', { class: 'download-status', 'aria-live': 'polite' });
        const save = async () => {
          status.textContent = '확인 중…';
          try {
            const verified = await verifiedFile(gov, file.key, file.sha256);
            replace(status, badge(verified));
            if (!verified.ok) return;
            const link = h('a', {
              href: URL.createObjectURL(new Blob([verified.bytes], { type: file.contentType })),
              download: `${manifest.gov}-${manifest.year}-${manifest.report}-${manifest.period}-${file.file}`,
            });
            link.click();
            setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
          } catch (error) {
            replace(status, problemMessage(error));
          }
        };
        return h(
          'tr',
          {},
          h('td', {}, file.file),
          h('td', {}, file.contentType.split(';')[0] ?? ''),
          h('td', { class: 'won' }, size(file.size)),
          h('td', {}, h('code', { class: 'sha' }, file.sha256)),
          h(
            'td',
            {},
            h(
              'button',
              { type: 'button', onclick: () => void save(), 'aria-label': `${file.file} 내려받기 (SHA-256 확인 후)` },
              '내려받기',
            ),
            ' ',
            status,
          ),
        );
      }),
    ),
  );
}

/**
 * Each table of the report as the printed form shows it: a name column beside each coded column the
 * report names (회계 → 회계명, as the XLSX and CSV print it), amounts exact with △.
 */
function reportTables(bytes: ArrayBuffer): HTMLElement[] {
  const report = JSON.parse(new TextDecoder().decode(bytes)) as ReportDocument;
  return Object.entries(report.tables).map(([id, table]) => {
    const names = table.names ?? {};
    const columns = table.columns.flatMap((c): (ReportColumn & { of?: string })[] =>
      names[c.key] ? [c, { key: c.key, of: c.key, label: `${c.label}명`, type: 'text' }] : [c],
    );
    const cell = (row: Record<string, string>, c: ReportColumn & { of?: string }) =>
      c.of ? (names[c.of]?.[row[c.of] ?? ''] ?? '') : c.type === 'won' ? won(row[c.key] ?? '') : (row[c.key] ?? '');
    return h(
      'table',
      { class: 'data report', 'data-table': id },
      h('caption', {}, table.title, h('span', { class: 'unit' }, ' (단위: 원)')),
      h('thead', {}, h('tr', {}, ...columns.map((c) => h('th', { scope: 'col', class: c.type }, c.label)))),
      h('tbody', {}, ...table.rows.map((row) => h('tr', {}, ...columns.map((c) => h('td', { class: c.type }, cell(row, c)))))),
    );
  });
}
