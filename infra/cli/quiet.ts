/**
 * Import first in a CLI: handlers run in the CLI's own process, and their Powertools metrics
 * (one EMF JSON line per invocation: ~1,000 lines for a nationwide closing) and INFO logs would
 * bury what the operator asked for. Metrics are off unless HOJO_CLI_METRICS=1; logs at WARN
 * unless POWERTOOLS_LOG_LEVEL / HOJO_RUNTIME_LOG_LEVEL say otherwise.
 */
if (process.env.HOJO_CLI_METRICS !== '1') process.env.POWERTOOLS_METRICS_DISABLED = 'true';
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
process.env.HOJO_RUNTIME_LOG_LEVEL ??= 'WARN';
