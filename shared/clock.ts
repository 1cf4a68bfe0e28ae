/**
 * The one clock of the business rules: every "now" a use case, handler or the local runtime reads
 * for a rule (acceptance time of a request, the day a closing may run, the period a schedule closes)
 * comes from here; pure rules take `now` as a parameter.
 *
 * `HOJO_CLOCK=<ISO date-time with offset>` (e.g. 2027-02-11T09:00:00+09:00) rehearses a moment:
 * the clock starts at that moment when the process first reads it and runs on from there, so a
 * local run (`npm start`, `npm run job`, the tests) behaves as on that day. The AWS target refuses
 * it (infra/cdk/deploy-config.ts); it is for the local runtime and the tests only.
 */
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

let started: { readonly value: string; readonly offsetMs: number } | undefined;

/** The rehearsal moment in the environment, validated; undefined when the real clock runs. */
export function clockOverride(env: Readonly<Record<string, string | undefined>> = process.env): Date | undefined {
  const value = env.HOJO_CLOCK;
  if (value === undefined || value === '') return undefined;
  const at = Date.parse(value);
  if (!ISO_WITH_OFFSET.test(value) || Number.isNaN(at)) {
    throw new Error(`HOJO_CLOCK must be an ISO date-time with an offset, e.g. 2027-02-11T09:00:00+09:00 (got "${value}")`);
  }
  return new Date(at);
}

/** Now: the real time, or the rehearsal moment plus the time elapsed since this process first read it. */
export function now(): Date {
  const value = process.env.HOJO_CLOCK;
  if (value === undefined || value === '') return new Date();
  if (started?.value !== value) {
    const at = clockOverride();
    started = { value, offsetMs: (at?.getTime() ?? Date.now()) - Date.now() };
  }
  return new Date(Date.now() + started.offsetMs);
}

/** How the clock runs, for the start banner and the logs. */
export function describeClock(): string {
  const at = clockOverride();
  return at ? `rehearsal clock from ${process.env.HOJO_CLOCK} (now ${now().toISOString()})` : 'real clock';
}
