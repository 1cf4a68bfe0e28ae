import { defineConfig } from 'vitest/config';
import { sharedTestSettings } from './vitest.config.ts';

/** `npm run test:conformance`: the embedded engines and `npm run provision` against moto (needs python3 with moto). */
export default defineConfig({
  test: {
    ...sharedTestSettings,
    include: ['test/conformance/**/*.test.ts'],
  },
});
