import type { OAuthScope, UserPoolClientOptions } from 'aws-cdk-lib/aws-cognito';

/**
 * The OAuth settings of a browser app client, explicit (issue #19, finding 10): the authorization-code
 * grant (PKCE) to the configured callbacks, never the implicit grant or CDK's `https://example.com`
 * default; without callbacks, no hosted-UI flow at all. Shared by the officials' and the residents' pools.
 */
export function explicitOAuth(
  callbackUrls: readonly string[],
  scopes: readonly OAuthScope[],
): Pick<UserPoolClientOptions, 'oAuth' | 'disableOAuth'> {
  if (callbackUrls.length === 0) return { disableOAuth: true };
  return {
    oAuth: {
      flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
      scopes: [...scopes],
      callbackUrls: [...callbackUrls],
      logoutUrls: [...callbackUrls],
    },
  };
}
