import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { startRuntime } from '#infra/runtime/runtime.ts';
import type { Runtime } from '#infra/runtime/runtime.ts';
import { routes } from '#shared/routes/index.ts';
import { launchChromium } from '#test/browser/support/chromium.ts';
import { expenditure, finalBudget, reserve, revenue, setUpStructure } from '#test/integration/budget/support.ts';

/** Where the browser tests leave their screenshots (git-ignored). */
export const SCREENSHOTS = '.data/screenshots';

/** The local runtime (no queue polling, no schedules) and a Chromium to drive its console. */
export interface ConsoleRig {
  readonly runtime: Runtime;
  readonly browser: Browser;
  /** Closes the browser, then stops the runtime. */
  readonly stop: () => Promise<void>;
}

export async function startConsoleRig(dataDir: string): Promise<ConsoleRig> {
  const runtime = await startRuntime({ port: 0, dataDir, routes, pollQueues: false, runSchedules: false });
  const { browser, close } = await launchChromium();
  await mkdir(SCREENSHOTS, { recursive: true });
  return {
    runtime,
    browser,
    stop: async () => {
      await close();
      await runtime.stop();
    },
  };
}

/**
 * Opens the console, signs in on the development issuer's page as the role (of a government, with
 * an optional user id), and waits for the role's home page.
 */
export async function signIn(browser: Browser, consoleOrigin: string, role: string, gov?: string, sub?: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 }, acceptDownloads: true });
  await page.goto(`${consoleOrigin}/console/`);
  await page.getByRole('button', { name: '로그인 (개발용 발급자)' }).click();
  await page.waitForURL(/\/dev-issuer\/authorize\?/);
  await page.getByLabel('역할').selectOption(role);
  if (gov) await page.getByLabel(/지방자치단체 코드/).fill(gov);
  if (sub) await page.getByLabel(/사용자 ID/).fill(sub);
  await page.getByRole('button', { name: '로그인' }).click();
  await page.waitForURL(/\/console\/#\/(?!$)/);
  await page.getByRole('button', { name: '로그아웃' }).waitFor();
  return page;
}

/** Waits until no section of the page is still loading. */
export const settled = (page: Page) =>
  page.waitForFunction(
    () => !(globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector('[aria-busy="true"]'),
  );

/**
 * A 본예산 of the year for 종로구 (11110) and 중구 (11140): two 분야 each (일반공공행정 016 and 사회복지
 * 085), two departments, 50,000,000 of 세출 and 세입: the budgets the home pages chart.
 */
export async function twoGovernmentBudgets(year: number): Promise<void> {
  for (const gov of ['11110', '11140']) {
    await setUpStructure(gov);
    await finalBudget(gov, year, 'original', [
      expenditure({ amount: 30_000_000 }),
      expenditure({
        policyCode: 'P02',
        policyName: '복지',
        detailCode: 'D002',
        detailName: '경로당 운영',
        sector: '085',
        dept: 'D200',
        amount: 19_500_000,
      }),
      // the 일반회계's 예비비 (지방재정법 §43①), in 부문 085 too so that each 분야 keeps its total
      reserve(500_000, { sector: '085' }),
      revenue({ amount: 50_000_000 }),
    ]);
  }
}
