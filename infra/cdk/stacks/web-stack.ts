import { CfnOutput, Duration, Stack, Validations } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachedMethods,
  CachePolicy,
  Distribution,
  FunctionEventType,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginRequestQueryStringBehavior,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import type { BehaviorOptions } from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { ConsoleConfig } from '#infra/console/config.ts';
import { accessLogBucket } from '#infra/cdk/constructs/access-log-bucket.ts';
import { ConsoleSite } from '#infra/cdk/constructs/console-site.ts';
import { OriginSecret } from '#infra/cdk/constructs/origin-secret.ts';
import { archivePath, consolePath, edgePathsFunction } from '#infra/cdk/constructs/edge-paths.ts';
import {
  openDataCachePolicy,
  openDataPaths,
  sharedPathCachePolicy,
  sharedPathRequestPolicy,
} from '#infra/cdk/constructs/open-data-cache.ts';
import type { Route } from '#shared/http/route.ts';
import { consoleContentSecurity } from '#infra/runtime/console-site.ts';

export interface WebStackProps extends StackProps {
  /**
   * The host of the HTTP API's custom domain (the distribution's default origin). Its execute-api
   * endpoint is disabled, so this name is the API's only entrance; CloudFront checks the origin's
   * certificate against it.
   */
  readonly apiOriginHost: string;
  /** The API's routes: its anonymous open-data GETs are cached at the edge (open-data-cache.ts). */
  readonly routes: readonly Route[];
  /** The write-once archive (data stack): `/_archive/*` passes presigned downloads through to it. */
  readonly archive: IBucket;
  /** The web ACL's ARN (edge stack, us-east-1), read across Regions. */
  readonly webAclArn: string;
  /** The console's sign-in settings; absent: the console shows public pages only. */
  readonly signIn?: ConsoleConfig['signIn'];
  /** The residents' sign-in (their own user pool); absent: residents cannot sign in to the console. */
  readonly residentSignIn?: ConsoleConfig['signIn'];
  /** A custom domain: its names and an ACM certificate in us-east-1 covering them. @default the *.cloudfront.net name */
  readonly domain?: { readonly names: readonly string[]; readonly certificateArn: string };
  /** Retention of the origin secret rotation's log group. */
  readonly logRetention: RetentionDays;
  /** The standby Region (`-c standbyRegion`): the origin secret is replicated there for a fail-over. */
  readonly standbyRegion?: string;
}

/**
 * One origin for browsers (issue #19, findings 7 and #20's console on AWS): a CloudFront
 * distribution behind the edge stack's web ACL serving
 * - `/console/*`: the web console from its private bucket through origin access control (OAC),
 *   with the console's content security policy;
 * - `/_archive/*`: archived files, GET/HEAD only, the presigned request passed through unchanged so
 *   that S3 checks the signature (no OAC here: CloudFront signing would let anyone who knows a key
 *   read a government's archive without the API's access check). The page thus hashes same-origin
 *   bytes (SHA-256 in the console);
 * - the anonymous open-data GET routes: the HTTP API, cached for a short time (open-data-cache.ts;
 *   on a path other routes share, every method passes with its token and only anonymous GETs share an answer);
 * - every other path: the HTTP API, uncached, every viewer header but Host forwarded, and the origin
 *   secret (`x-hojo-origin-verify`, rotated monthly) without which the route functions refuse the
 *   request: the API's custom domain is public in DNS, and this is what keeps the web ACL in front.
 * The console and the API share the origin: the API needs no CORS.
 */
export class WebStack extends Stack {
  readonly distribution: Distribution;
  readonly console: ConsoleSite;
  readonly originSecret: OriginSecret;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, { ...props, crossRegionReferences: true });
    const config: ConsoleConfig = {
      apiBase: '',
      ...(props.signIn ? { signIn: props.signIn } : {}),
      ...(props.residentSignIn ? { residentSignIn: props.residentSignIn } : {}),
      archive: { engineOrigin: `https://${props.archive.bucketRegionalDomainName}`, proxyPath: archivePath },
    };
    this.console = new ConsoleSite(this, 'Console', { config, keyPrefix: `${consolePath.slice(1)}/` });

    // CloudFront's standard logs are delivered through the bucket ACL.
    const logs = accessLogBucket(this, 'AccessLogs', {
      of: 'the distribution',
      retentionDays: 365,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
    });

    const paths = edgePathsFunction(this, 'Paths');
    const onViewerRequest = [{ function: paths, eventType: FunctionEventType.VIEWER_REQUEST }];
    const tls12 = { protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY, originSslProtocols: [OriginSslPolicy.TLS_V1_2] };
    this.originSecret = new OriginSecret(this, 'OriginVerify', { replicaRegion: props.standbyRegion });
    const apiOrigin = new HttpOrigin(props.apiOriginHost, { ...tls12, customHeaders: this.originSecret.originHeaders });
    const api: BehaviorOptions = {
      origin: apiOrigin,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      cachePolicy: CachePolicy.CACHING_DISABLED,
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
    };
    // GET/HEAD only: no other route's path matches these patterns.
    const openData: BehaviorOptions = {
      origin: apiOrigin,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      cachePolicy: openDataCachePolicy(this, 'OpenDataCache', props.routes),
    };
    // Patterns other routes share (a POST on the path, a protected route below it): every method, the
    // token in the cache key (so forwarded), the headers the writes read; only anonymous GETs share an entry.
    const sharedOpenData: BehaviorOptions = {
      origin: apiOrigin,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      // CloudFront caches the answers of these methods only: a write always reaches the API.
      cachedMethods: CachedMethods.CACHE_GET_HEAD,
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      cachePolicy: sharedPathCachePolicy(this, 'SharedPathCache', props.routes),
      originRequestPolicy: sharedPathRequestPolicy(this, 'SharedPathRequest', props.routes),
    };
    const consoleFiles: BehaviorOptions = {
      origin: S3BucketOrigin.withOriginAccessControl(this.console.bucket),
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      cachePolicy: CachePolicy.CACHING_OPTIMIZED,
      functionAssociations: onViewerRequest,
      responseHeadersPolicy: new ResponseHeadersPolicy(this, 'ConsoleHeaders', {
        comment: 'hojo console: the runtime serves the same headers (infra/runtime/console-site.ts)',
        securityHeadersBehavior: {
          contentSecurityPolicy: { contentSecurityPolicy: consoleContentSecurity(config), override: true },
          contentTypeOptions: { override: true },
          frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
          referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
          strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
        },
      }),
    };
    const archiveDownloads: BehaviorOptions = {
      origin: new HttpOrigin(props.archive.bucketRegionalDomainName, tls12),
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      // Every presigned URL is used once, within 300 s: nothing to cache. The query (the signature) goes to S3, nothing else does.
      cachePolicy: CachePolicy.CACHING_DISABLED,
      originRequestPolicy: new OriginRequestPolicy(this, 'PresignedQueryOnly', {
        comment: 'hojo archive pass-through: the presigned query string only',
        queryStringBehavior: OriginRequestQueryStringBehavior.all(),
      }),
      functionAssociations: onViewerRequest,
    };

    const certificate = props.domain ? Certificate.fromCertificateArn(this, 'Certificate', props.domain.certificateArn) : undefined;
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'hojo: API, console and archive downloads on one origin',
      defaultBehavior: api,
      additionalBehaviors: {
        [`${consolePath}/*`]: consoleFiles,
        [`${archivePath}/*`]: archiveDownloads,
        ...Object.fromEntries(openDataPaths(props.routes).map((p) => [p.pathPattern, p.shared ? sharedOpenData : openData])),
      },
      webAclId: props.webAclArn,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      httpVersion: HttpVersion.HTTP2_AND_3,
      // North America, Europe and Asia (Korea included): the users are in Korea.
      priceClass: PriceClass.PRICE_CLASS_200,
      ...(props.domain && certificate
        ? { domainNames: [...props.domain.names], certificate, minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021 }
        : {}),
    });
    this.originSecret.rotateWith(this.distribution, { logRetention: props.logRetention, tracing: true });
    if (!props.domain) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Without -c webDomainNames/webCertificateArn the distribution answers on its *.cloudfront.net name, whose default certificate CloudFront does not let one restrict below TLSv1; a production deployment sets both (README, Edge).',
      });
    }
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'No geo restriction: officials and auditors work from abroad too (embassies, 해외 출장), and every non-public path needs a token; the web ACL limits rates per address.',
    });
    new CfnOutput(this, 'DistributionDomainName', { value: this.distribution.distributionDomainName });
    new CfnOutput(this, 'ConsoleUrl', { value: `https://${this.distribution.distributionDomainName}${consolePath}/` });
  }
}
