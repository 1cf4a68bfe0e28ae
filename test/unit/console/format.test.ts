/** Issue #20: the console shows amounts as the printed reports do — exact won, △ negatives — and dates as 2026. 11. 30. */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildConsole } from '#infra/console/build.ts';
import { koreanDate, percent, ratePercent, won, wonWithUnit } from '#infra/console/src/format.ts';

describe('console formats', () => {
  it('groups exact won by thousands, beyond 2^53 too, with △ for negatives', () => {
    expect(won('1234567')).toBe('1,234,567');
    expect(won(0)).toBe('0');
    expect(won(-300000)).toBe('△300,000');
    expect(won(-5n)).toBe('△5');
    expect(won('9007199254740993123')).toBe('9,007,199,254,740,993,123');
    expect(wonWithUnit('-1500')).toBe('△1,500원');
    // text is left as it is (a code in an amount column, an empty cell)
    expect(won('')).toBe('');
    expect(won('GEN')).toBe('GEN');
  });

  it('computes rates exactly, half-up to 2 decimals, and says — for no denominator', () => {
    expect(ratePercent(1n, 3n)).toBe('33.33');
    expect(ratePercent(2n, 3n)).toBe('66.67');
    expect(ratePercent(700_000n, 1_000_000n)).toBe('70.00');
    expect(ratePercent(1n, 0n)).toBeNull();
    expect(percent(null)).toBe('—');
    expect(percent('12.50')).toBe('12.50%');
  });

  it('writes dates the Korean way, a timestamp as its day in Korea', () => {
    expect(koreanDate('2026-11-30')).toBe('2026. 11. 30.');
    expect(koreanDate('2026-01-05')).toBe('2026. 1. 5.');
    expect(koreanDate('2026-11-30T16:00:00Z')).toBe('2026. 12. 1.');
  });
});

describe('console bundle', () => {
  it('stays within its budget: app.js ≤ 100 KB gzipped (chart.js bar charts only), everything self-contained', async () => {
    const assets = await buildConsole();
    const script = assets.find((a) => a.path === 'app.js');
    expect(script).toBeDefined();
    const gzipped = gzipSync(script?.bytes ?? Buffer.alloc(0)).length;
    expect(gzipped).toBeLessThanOrEqual(100 * 1024);
    // no address outside the console's origin is loaded: no import of a URL, no CDN
    expect(script?.bytes.toString('utf8')).not.toMatch(/import\s*\(?\s*["']https?:/);
  });
});
