/**
 * Import first in a CLI: handlers run in the CLI's own process, and their metrics (one EMF JSON
 * line per metric and invocation: ~1,000 lines for a nationwide closing) and INFO logs would bury
 * what the operator asked for. Metric lines go to the file HOJO_CLI_METRICS_FILE when it is set,
 * nowhere otherwise (HOJO_CLI_METRICS=1 keeps them on stdout); logs are at WARN unless
 * POWERTOOLS_LOG_LEVEL / HOJO_RUNTIME_LOG_LEVEL say otherwise.
 */
import { appendFileSync } from 'node:fs';

process.env.POWERTOOLS_LOG_LEVEL ||= 'WARN';
process.env.HOJO_RUNTIME_LOG_LEVEL ||= 'WARN';

if (process.env.HOJO_CLI_METRICS !== '1') {
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
  const file = process.env.HOJO_CLI_METRICS_FILE;
  const isMetricLine = (chunk: unknown): chunk is string =>
    typeof chunk === 'string' && chunk.startsWith('{') && chunk.includes('"_aws":{"Timestamp"');
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (!isMetricLine(chunk)) return write(chunk, ...rest);
      if (file) appendFileSync(file, chunk.endsWith('\n') ? chunk : `${chunk}\n`);
      const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    }) as typeof stream.write;
  }
}
