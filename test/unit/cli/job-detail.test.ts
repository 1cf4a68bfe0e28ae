import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { jobDetail } from '#infra/cli/job-detail.ts';

const detailOf = (args: string[]) => jobDetail(parseArgs({ args, allowPositionals: true, strict: false, tokens: true }).tokens);

describe('npm run job options', () => {
  it('reads --key value and --key=value alike, years and months as integers', () => {
    expect(detailOf(['year-end', '--year', '2025', '--gov', '11110'])).toEqual({ year: 2025, gov: '11110' });
    expect(detailOf(['monthly-closing', '--year=2025', '--month=3', '--gov=26000'])).toEqual({ year: 2025, month: 3, gov: '26000' });
  });

  it('keeps the runner options out of the event and a bare flag as true', () => {
    expect(detailOf(['daily-closing', '--data-dir', '/tmp/x', '--external', '--dry-run'])).toEqual({ 'dry-run': true });
    expect(detailOf(['daily-closing', '--period', '2026-03-05'])).toEqual({ period: '2026-03-05' });
  });
});
