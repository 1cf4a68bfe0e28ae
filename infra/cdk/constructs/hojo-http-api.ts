import { Fn, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import type { ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  DomainName,
  EndpointType,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
  PayloadFormatVersion,
  SecurityPolicy,
} from 'aws-cdk-lib/aws-apigatewayv2';
import type { CfnStage, IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { Route } from '#shared/http/route.ts';
import { isResidentRoute } from '#shared/auth/resident-identity.ts';

export interface HojoHttpApiProps {
  /** Issuer whose tokens the JWT authorizer accepts (Cognito on AWS, an OIDC issuer on-prem). */
  readonly jwtIssuer: string;
  /** Accepted `aud` (or `client_id`) values. */
  readonly jwtAudience: readonly string[];
  /**
   * The residents' own issuer and client (aws): the routes only residents call accept these tokens
   * alone, and every other route refuses them (issue #19, finding 10). @default one issuer for all
   */
  readonly residentJwt?: { readonly issuer: string; readonly audience: readonly string[] };
  /** Retention of the access log group. */
  readonly logRetention: RetentionDays;
  /** Steady-state requests per second for every route of the stage. @default 2000 */
  readonly throttleRateLimit?: number;
  /** Burst for every route of the stage. @default 5000 */
  readonly throttleBurstLimit?: number;
  /**
   * The only way in (aws): a regional custom domain, CloudFront's origin, with the default
   * `execute-api` endpoint disabled. @default the execute-api endpoint (on-prem, where no CloudFront
   * stands in front and the platform's own gateway decides)
   */
  readonly originDomain?: { readonly name: string; readonly certificate: ICertificate };
}

/**
 * Per-route throttles (issue #19, finding 7): the anonymous routes (open data, platform) share a
 * small budget each, so that a crawler or an attack on them never takes the stage's capacity from
 * the money routes, which keep the stage default.
 */
export const publicRouteThrottle = { rateLimit: 50, burstLimit: 100 } as const;

/**
 * API Gateway's quota "Audiences per authorizer": 50, not adjustable (HTTP API quotas page). Cognito
 * access tokens have no `aud`, so every client id the authorizer accepts is one entry.
 */
export const audiencesPerAuthorizer = 50;

/** One JSON line per request; ids only (the caller's `sub`, never names or tokens). */
const accessLogFormat = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    time: '$context.requestTime',
    routeKey: '$context.routeKey',
    status: '$context.status',
    sourceIp: '$context.identity.sourceIp',
    subject: '$context.authorizer.claims.sub',
    latencyMs: '$context.responseLatency',
    integrationLatencyMs: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
    authorizerError: '$context.authorizer.error',
    responseLength: '$context.responseLength',
  }),
);

/**
 * The HTTP API: one route per declared operation, each integrated with its own function (payload
 * v2), a JWT authorizer on every non-public route (on aws the residents' routes have their own), no CORS (the API serves servers and CLIs, not
 * browsers of other origins), JSON access logs and stage-wide throttling defaults.
 */
export class HojoHttpApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly accessLogs: LogGroup;
  /** The custom domain (aws): its regional target is where the origin name's DNS record points. */
  readonly originDomain: DomainName | undefined;
  /** The origin name as configured (a plain string: the distribution names it without a cross-stack reference). */
  private readonly originName: string | undefined;
  private readonly authorizer: IHttpRouteAuthorizer;
  private readonly residentAuthorizer: IHttpRouteAuthorizer | undefined;
  private readonly publicAuthorizer = new HttpNoneAuthorizer();
  private readonly routeSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};

  constructor(scope: Construct, id: string, props: HojoHttpApiProps) {
    super(scope, id);
    // Issue #19, finding 7: with the execute-api endpoint disabled, the custom domain is the only
    // entrance, and it is CloudFront's origin; a request to https://{id}.execute-api… gets 403.
    this.api = new HttpApi(this, 'Api', {
      createDefaultStage: false,
      description: 'hojo: Korean local public finance API',
      disableExecuteApiEndpoint: props.originDomain !== undefined,
    });
    this.originDomain = props.originDomain
      ? new DomainName(this, 'OriginDomain', {
          domainName: props.originDomain.name,
          certificate: props.originDomain.certificate,
          endpointType: EndpointType.REGIONAL,
          securityPolicy: SecurityPolicy.TLS_1_2,
        })
      : undefined;
    this.originName = props.originDomain?.name;
    for (const [name, audience] of [
      ['jwtAudience', props.jwtAudience],
      ['residentJwt', props.residentJwt?.audience ?? []],
    ] as const) {
      if (audience.length > audiencesPerAuthorizer) {
        throw new Error(
          `${name}: ${audience.length} client ids, but a JWT authorizer accepts at most ${audiencesPerAuthorizer} audiences (API Gateway quota, not adjustable): README, Machine clients`,
        );
      }
    }
    this.authorizer = new HttpJwtAuthorizer('JwtAuthorizer', props.jwtIssuer, { jwtAudience: [...props.jwtAudience] });
    this.residentAuthorizer = props.residentJwt
      ? new HttpJwtAuthorizer('ResidentJwtAuthorizer', props.residentJwt.issuer, { jwtAudience: [...props.residentJwt.audience] })
      : undefined;
    this.accessLogs = new LogGroup(this, 'AccessLogs', { retention: props.logRetention, removalPolicy: RemovalPolicy.RETAIN });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      ...(this.originDomain ? { domainMapping: { domainName: this.originDomain } } : {}),
      throttle: { rateLimit: props.throttleRateLimit ?? 2000, burstLimit: props.throttleBurstLimit ?? 5000 },
      accessLogSettings: { destination: new LogGroupLogDestination(this.accessLogs), format: accessLogFormat },
    });
  }

  /** The stage URL: https://{origin name}/ on aws, else e.g. https://abc123.execute-api.ap-northeast-2.amazonaws.com/ */
  get url(): string {
    return this.originName ? `https://${this.originName}/` : this.stage.url;
  }

  /** The host CloudFront sends API requests to: the custom domain's name, else the execute-api host. */
  get originHost(): string {
    return this.originName ?? Fn.select(2, Fn.split('/', this.api.apiEndpoint));
  }

  /**
   * Routes the operation to its function. The route, its integration and its invoke permission
   * live in `scope` (the nested stack of the function's domain), so that the API stack itself stays
   * far from CloudFormation's 500 resources however many operations are declared.
   */
  addRoute(scope: Construct, route: Route, fn: IFunction): HttpRoute {
    const isPublic = route.access.kind === 'public';
    if (isPublic) {
      const stage = this.stage.node.defaultChild as CfnStage;
      // RouteSettings is a JSON map in the L1: its members are written as CloudFormation spells them.
      this.routeSettings[`${route.method} ${route.path}`] = {
        ThrottlingRateLimit: publicRouteThrottle.rateLimit,
        ThrottlingBurstLimit: publicRouteThrottle.burstLimit,
      };
      stage.routeSettings = this.routeSettings;
      // A route setting names a route that must exist first.
      this.stage.node.addDependency(scope);
    }
    const httpRoute = new HttpRoute(scope, `${route.id}HttpRoute`, {
      httpApi: this.api,
      routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
      integration: new HttpLambdaIntegration(`${route.id}Integration`, fn, { payloadFormatVersion: PayloadFormatVersion.VERSION_2_0 }),
      authorizer: isPublic
        ? this.publicAuthorizer
        : this.residentAuthorizer && isResidentRoute(route.access)
          ? this.residentAuthorizer
          : this.authorizer,
    });
    if (isPublic) {
      Validations.of(httpRoute).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason: `${route.id} is declared public (open data or platform route) in shared/routes; every other route uses the JWT authorizer.`,
      });
    }
    return httpRoute;
  }
}
