import { problemAnswer } from '#shared/http/problem.ts';

/**
 * The problem+json body (status, code, detail, context, errors) a refused call would be answered
 * with; fails when the call does not refuse. Tests assert on what a client receives.
 */
export async function problemOf(work: Promise<unknown> | (() => unknown)): Promise<Record<string, unknown>> {
  try {
    await (typeof work === 'function' ? work() : work);
  } catch (error) {
    return problemAnswer(error, undefined).body;
  }
  throw new Error('expected the call to be refused');
}
