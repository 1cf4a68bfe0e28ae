import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { region } from '#shared/config/env.ts';

export interface LambdaContextOptions {
  readonly functionName: string;
  readonly timeoutMs: number;
  readonly memoryMb?: number;
  readonly requestId?: string;
}

/** The context object Lambda passes a handler, with the deadline counting from now. */
export function lambdaContext(options: LambdaContextOptions): Context {
  const deadline = Date.now() + options.timeoutMs;
  const functionName = options.functionName;
  const unsupported = () => {
    throw new Error('callback-style completion is not supported; return a promise');
  };
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${region()}:000000000000:function:${functionName}`,
    memoryLimitInMB: String(options.memoryMb ?? 1024),
    awsRequestId: options.requestId ?? randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `local/${process.pid}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}

/** hojo-registry-get-government for handler 'registry/get-government'. */
export const functionNameOf = (handler: string): string => `hojo-${handler.replaceAll('/', '-')}`;
