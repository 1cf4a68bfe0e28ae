import { loadHandler } from '#infra/runtime/handler-loader.ts';
import { invokeInScope } from '#infra/runtime/invocation-scope.ts';
import { functionNameOf, lambdaContext } from '#infra/runtime/lambda-context.ts';

/** Runs a handler once with the given event and a fresh Lambda-like context, as Lambda's Invoke would. */
export async function invokeOnce(handler: string, event: unknown, timeoutMs = 60_000): Promise<unknown> {
  const run = await loadHandler(handler);
  return invokeInScope(run, event, lambdaContext({ functionName: functionNameOf(handler), timeoutMs }));
}
