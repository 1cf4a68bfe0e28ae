import { NotAvailable } from '../harness/section.ts';
import type { Section } from '../harness/section.ts';

/**
 * 5. Settlement scale: closing one government-year with 100,000 and 1,000,000 postings (quick:
 * 10,000). Not written yet: it needs postings seeded in the stored form the consumer writes and the
 * closing job run in a child process for its own peak memory; see bench/README.md.
 */
export const settlementScale: Section = {
  id: '5',
  title: 'Settlement scale (year close)',
  budgetMs: { quick: 5_000, full: 5_000 },
  async run() {
    throw new NotAvailable(
      'the bench section for the year close is not written yet (settlement landed late in this session); no figure is claimed',
    );
  },
};
