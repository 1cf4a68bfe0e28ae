/**
 * Imported first by bench/run.ts: Powertools reads these when its modules load, and the bench
 * measures handlers, not log output. Values already set by the caller win.
 */
const quiet: Record<string, string> = {
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  POWERTOOLS_METRICS_DISABLED: 'true',
  POWERTOOLS_TRACE_ENABLED: 'false',
  // Nothing is traced here: keep the X-Ray SDK from hooking every promise (cls-hooked).
  AWS_XRAY_MANUAL_MODE: 'true',
  POWERTOOLS_DEV: 'false',
  AWS_REGION: 'ap-northeast-2',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
};
for (const [name, value] of Object.entries(quiet)) process.env[name] ??= value;
