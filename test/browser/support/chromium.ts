import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

/**
 * Real Chromium from the distribution's packages (`.ci/run` installs Debian's `chromium`), driven
 * by playwright-core, which downloads no browser of its own. A missing browser fails the test
 * with the install command: browser tests never skip.
 */
export const CHROMIUM_PATH = process.env.HOJO_CHROMIUM ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it (apt-get install chromium) or set HOJO_CHROMIUM`);
  }
  // playwright gives each launch a fresh, temporary profile. The flags keep Chromium off the network it cannot reach here (updates, sync, QUIC probes).
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return { browser, close: () => browser.close() };
}
