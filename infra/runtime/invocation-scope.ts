import { InvokeStore, InvokeStoreBase } from '@aws/lambda-invoke-store';
import type { Context } from 'aws-lambda';
import { logger } from '#shared/powertools/logger.ts';
import type { LambdaHandler } from '#infra/runtime/handler-loader.ts';

/*
 * On Lambda an execution environment belongs to one function and runs one invocation at a time,
 * so Powertools keeps the invocation's context (function name, request id, cold start) and the
 * keys a handler appends on the logger instance. Here every function shares one process and one
 * logger, and invocations overlap: without a scope, a closing logs with the request id of
 * whichever HTTP request set the context last. Lambda's own runtime has the answer for functions
 * that run invocations concurrently (Lambda Managed Instances): each invocation runs in its own
 * InvokeStore scope (an AsyncLocalStorage), and Powertools keeps per-invocation state there once
 * AWS_LAMBDA_MAX_CONCURRENCY is set. The runtime does the same. Handler code is untouched, so on
 * Lambda nothing changes.
 */
const store = await InvokeStore.getInstanceAsync(true);
// Only set once the store exists: Powertools throws if the variable is set and the store is not.
// It only checks that the variable is set; the runtime itself does not bound concurrency.
process.env.AWS_LAMBDA_MAX_CONCURRENCY ??= '64';

const COLD_START = Symbol('hojo.runtime.coldStart');
const invokedFunctions = new Set<string>();

// Powertools' cold-start flag belongs to the logger instance, which on Lambda lives in one
// function's environment and is true for its first invocation. Here one logger serves every
// function, so the flag is the invocation's: true for the first invocation of each function.
// getColdStart is protected, but it is where addContext reads the flag, so it is replaced on
// this one instance.
(logger as unknown as { getColdStart: () => boolean }).getColdStart = () => store.get<boolean>(COLD_START) ?? false;

/**
 * Invokes a handler in a scope of its own: its log lines carry its function name, request id and
 * cold-start flag, and the keys it appends stay its own, however many invocations overlap.
 */
export function invokeInScope(handler: LambdaHandler, event: unknown, context: Context): Promise<unknown> {
  const coldStart = !invokedFunctions.has(context.functionName);
  invokedFunctions.add(context.functionName);
  const scope = { [InvokeStoreBase.PROTECTED_KEYS.REQUEST_ID]: context.awsRequestId, [COLD_START]: coldStart };
  return store.run(scope, () => {
    // Handlers that do not inject the context themselves (plain async handlers such as the
    // closings) would otherwise log without it; on Lambda their log stream names the function.
    logger.addContext(context);
    return handler(event, context);
  });
}
