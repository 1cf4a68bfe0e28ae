/**
 * The console's configuration document, served beside it as `config.json` (by the runtime at
 * `/console/config.json`; on AWS written into the console bucket at deployment). The console is a
 * client of the public API only: these are the identity provider it signs in with and the API it
 * calls, nothing the API does not already publish.
 */
export interface ConsoleConfig {
  /** Where the console may sign in; absent when no identity provider is configured for it. */
  readonly signIn?: {
    /** The OIDC issuer (`iss`); discovery at `{issuer}/.well-known/openid-configuration` unless the endpoints are given. */
    readonly issuer: string;
    readonly clientId: string;
    readonly authorizationEndpoint?: string;
    readonly tokenEndpoint?: string;
    readonly scopes: readonly string[];
    /** Which token the API's authorizer accepts (Cognito: the ID token, whose audience is the client). */
    readonly apiToken: 'access_token' | 'id_token';
    /** The development issuer's sign-in page (loopback only). */
    readonly development?: boolean;
  };
  /**
   * Where residents sign in, when they have an identity provider of their own (AWS: the residents'
   * user pool and its Cognito domain; locally the development issuer, as for officials). Same shape.
   */
  readonly residentSignIn?: ConsoleConfig['signIn'];
  /** The API's base URL; '' when the API is the console's own origin (the runtime). */
  readonly apiBase: string;
  /**
   * Archive downloads fetched by the page itself (the SHA-256 check): a presigned URL whose origin
   * is `engineOrigin` is fetched at `{page origin}{proxyPath}{path and query}` instead, so the bytes
   * always come from the console's own origin.
   */
  readonly archive?: { readonly engineOrigin: string; readonly proxyPath: string };
}
