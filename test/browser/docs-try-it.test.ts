import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importJWK, SignJWT } from 'jose';
import type { JWK } from 'jose';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_AUDIENCE, DEV_ISSUER } from '#infra/runtime/jwt/dev-issuer.ts';
import { startRuntime } from '#infra/runtime/runtime.ts';
import type { Runtime } from '#infra/runtime/runtime.ts';
import { routes } from '#shared/routes/index.ts';
import { launchChromium } from '#test/browser/support/chromium.ts';
import { useTestStack } from '#test/support/stack.ts';

/** page.evaluate() callbacks run in the browser; the project compiles without the DOM library. */
declare const document: {
  readonly activeElement: {
    id: string;
    textContent: string | null;
    getAttribute(name: string): string | null;
    closest(selector: string): { id: string } | null;
  } | null;
};

await useTestStack();
const dataDir = await mkdtemp(join(tmpdir(), 'hojo-docs-'));
let runtime: Runtime;
let browser: Browser;
let close: () => Promise<void>;
let token: string;

beforeAll(async () => {
  runtime = await startRuntime({ port: 0, dataDir, routes, pollQueues: false, runSchedules: false });
  const jwk = JSON.parse(await readFile(join(dataDir, 'dev-issuer', 'private.jwk.json'), 'utf8')) as JWK;
  token = await new SignJWT({ roles: ['budget_officer'], gov: '11110' })
    .setProtectedHeader({ alg: 'ES256', kid: jwk.kid ?? '' })
    .setSubject('officer-1')
    .setIssuer(DEV_ISSUER)
    .setAudience(DEV_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(await importJWK(jwk, 'ES256'));
  ({ browser, close } = await launchChromium());
});
afterAll(async () => {
  await close?.();
  await runtime?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

/** Opens /docs, the try-it panel of one operation, fills its path parameters and sends it. */
async function tryIt(page: Page, operationId: string, params: Record<string, string>): Promise<string> {
  const op = page.locator(`#op-${operationId}`);
  if ((await op.locator('details.try').getAttribute('open')) === null) await op.locator('details.try > summary').click();
  for (const [name, value] of Object.entries(params)) await op.locator(`[data-name="${name}"]`).fill(value);
  await op.getByRole('button', { name: '보내기 · Send' }).click();
  const output = op.locator('output.try-out');
  await expect.poll(async () => output.textContent(), { timeout: 10_000 }).toMatch(/^\d{3} /);
  return (await output.textContent()) ?? '';
}

describe('/docs in a real browser', () => {
  it('calls the API from the try-it panel with the token typed on the page, and the tenant rule answers', async () => {
    const page = await browser.newPage();
    await page.goto(`${runtime.url}/docs`);
    expect(await page.locator('html').getAttribute('lang')).toBe('ko');
    expect(await page.locator('label[for="token"]').textContent()).toBe('호출에 쓸 토큰 · Bearer token');
    await page.locator('#token').fill(token);
    await page.locator('#token').dispatchEvent('change');

    const own = await tryIt(page, 'listAccounts', { gov: '11110' });
    await page.screenshot({ path: '.data/screenshots/docs-try-it.png' });
    expect(own).toMatch(/^200 /);
    expect(own).toContain('"items"');

    const other = await tryIt(page, 'listAccounts', { gov: '11140' });
    expect(other).toMatch(/^403 /);
    expect(other).toContain('application/problem+json');
    await page.close();
  });

  it('is usable from the keyboard alone: the filter, then an operation found and opened', async () => {
    const page = await browser.newPage();
    await page.goto(`${runtime.url}/docs`);
    // openapi.json, then the token field; then past the tag links to the filter
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('token');
    for (let i = 0; i < 40 && (await page.evaluate(() => document.activeElement?.id)) !== 'filter'; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('filter');
    await page.keyboard.type('(부분) 지출 결의');
    const visible = await page.locator('article.op:visible').evaluateAll((ops) => ops.map((op) => op.id));
    expect(visible).toEqual(['op-resolvePayment']);
    // the next stops are in the one visible operation, its JSON Schema disclosures then its try-it panel
    const focused = () => page.evaluate(() => `${document.activeElement?.closest('article')?.id} ${document.activeElement?.textContent}`);
    await page.keyboard.press('Tab');
    for (let i = 0; i < 10 && !(await focused()).endsWith('호출해 보기 · Try it'); i++) {
      expect(await focused()).toMatch(/^op-resolvePayment /);
      await page.keyboard.press('Tab');
    }
    expect(await focused()).toBe('op-resolvePayment 호출해 보기 · Try it');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-name'))).toBe('gov');
    await page.close();
  });
});
