/**
 * Imported first by bench/run.ts: Powertools reads these when its modules load, and the bench
 * measures handlers, not log output. Values already set by the caller win.
 */
const quiet: Record<string, string> = {
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  POWERTOOLS_METRICS_DISABLED: 'true',
  POWERTOOLS_TRACE_ENABLED: 'false',
  POWERTOOLS_DEV: 'false',
  AWS_REGION: 'ap-northeast-2',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
};
for (const [name, value] of Object.entries(quiet)) process.env[name] ??= value;

/**
 * The SDK's SQS middleware console.warns a TypeError for every request when a queue URL's host
 * ends in an IP address (fauxqs: sqs.<region>.127.0.0.1), then sends to the configured endpoint
 * anyway. The shared SQS client would need useQueueUrlAsEndpoint: false; until then the bench
 * drops exactly that warning so its progress stays readable.
 */
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  const [first] = args;
  if (first instanceof TypeError && (first as NodeJS.ErrnoException).code === 'ERR_INVALID_URL' && String((first as { input?: unknown }).input).includes('//sqs.')) return;
  warn(...args);
};
