import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { originSecretEnv, originVerifier, originVerifyHeader, readThroughExtension } from '#shared/auth/origin-verify.ts';
import type { SecretStageReader } from '#shared/auth/origin-verify.ts';
import { forbidden } from '#shared/domain/refusal.ts';

/**
 * Refuses (403 `origin-not-verified`) a request that did not come through CloudFront, before the
 * caller is read or the body validated (issue #19, finding 7). Active only where `HOJO_ORIGIN_SECRET`
 * names the secret (aws); the local runtime and on-prem have no CloudFront in front.
 */
export const verifyOrigin = (
  read: SecretStageReader = readThroughExtension,
): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2> => {
  let verifier: { secretId: string; verify: (presented: string | undefined) => Promise<boolean> } | undefined;
  return {
    before: async (request) => {
      const secretId = process.env[originSecretEnv];
      if (!secretId) return;
      if (verifier?.secretId !== secretId) verifier = { secretId, verify: originVerifier(secretId, read) };
      if (!(await verifier.verify(request.event.headers?.[originVerifyHeader]))) {
        throw forbidden('origin-not-verified', 'this API is reached through its CloudFront distribution only');
      }
    },
  };
};
