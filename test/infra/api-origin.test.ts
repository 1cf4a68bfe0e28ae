/**
 * Issue #19, finding 7: on aws the HTTP API's default execute-api endpoint is disabled and a regional
 * custom domain (CloudFront's origin) is its only entrance; on-prem keeps the endpoint, with no
 * CloudFront in front. The whole app is asserted in production.test.ts; here the construct alone.
 */
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { describe, expect, it } from 'vitest';
import { HojoHttpApi } from '#infra/cdk/constructs/hojo-http-api.ts';

const certificateArn = 'arn:aws:acm:ap-northeast-2:123456789012:certificate/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0';

function httpApi(withOrigin: boolean): { api: HojoHttpApi; template: Template } {
  const stack = new Stack(undefined, 'Api', { env: { account: '123456789012', region: 'ap-northeast-2' } });
  const api = new HojoHttpApi(stack, 'Http', {
    jwtIssuer: 'https://issuer.example.go.kr',
    jwtAudience: ['hojo-api'],
    logRetention: RetentionDays.ONE_YEAR,
    ...(withOrigin
      ? {
          originDomain: {
            name: 'api-origin.hojo.example.go.kr',
            certificate: Certificate.fromCertificateArn(stack, 'Certificate', certificateArn),
          },
        }
      : {}),
  });
  return { api, template: Template.fromStack(stack) };
}

describe("the HTTP API's entrance", () => {
  it('aws: disables execute-api and maps the stage to a regional TLS 1.2 custom domain, the name CloudFront uses', () => {
    const { api, template } = httpApi(true);
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { DisableExecuteApiEndpoint: true });
    template.hasResourceProperties('AWS::ApiGatewayV2::DomainName', {
      DomainName: 'api-origin.hojo.example.go.kr',
      DomainNameConfigurations: [{ CertificateArn: certificateArn, EndpointType: 'REGIONAL', SecurityPolicy: 'TLS_1_2' }],
    });
    template.resourceCountIs('AWS::ApiGatewayV2::ApiMapping', 1);
    expect(api.originHost).toBe('api-origin.hojo.example.go.kr');
    expect(api.url).toBe('https://api-origin.hojo.example.go.kr/');
  });

  it('on-prem: keeps the execute-api endpoint, with no custom domain', () => {
    const { api, template } = httpApi(false);
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { DisableExecuteApiEndpoint: false });
    template.resourceCountIs('AWS::ApiGatewayV2::DomainName', 0);
    expect(api.originDomain).toBeUndefined();
  });
});
