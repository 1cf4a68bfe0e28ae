/**
 * Issue #19, finding 10: the residents' verification e-mails go through Amazon SES when configured;
 * Cognito's own e-mail (50 a day per account) is for trials. Synthesis refuses an SES identity Cognito
 * cannot use for a pool in the deployment Region, or one outside the allowed Regions.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { describe, expect, it } from 'vitest';
import { ResidentIdentity } from '#infra/cdk/constructs/resident-identity.ts';
import type { ResidentEmail } from '#infra/cdk/resident-email.ts';
import { templateOnly } from '#test/infra/synth-support.ts';
import { deployConfigOf } from '#test/infra/deploy-context.ts';

const account = '123456789012';
const configOf = (overrides: Record<string, unknown> = {}) => deployConfigOf({ account, ...overrides });
const from = 'no-reply@participate.example.go.kr';
const domainIdentity = (region: string, owner = account) => `arn:aws:ses:${region}:${owner}:identity/participate.example.go.kr`;

describe("the residents' e-mail configuration", () => {
  it("is Cognito's own e-mail unless an address is given, and never on-prem", () => {
    expect(configOf().residentEmail).toBeUndefined();
    expect(configOf({ target: 'onprem', residentEmailFrom: from }).residentEmail).toBeUndefined();
  });

  it('sends from the address as its own SES identity in the deployment Region, or from a verified domain the ARN names', () => {
    expect(configOf({ residentEmailFrom: from }).residentEmail).toEqual({
      from,
      sesRegion: 'ap-northeast-2',
      verifiedDomain: undefined,
      configurationSet: undefined,
    });
    expect(
      configOf({
        residentEmailFrom: from,
        residentSesIdentityArn: domainIdentity('ap-northeast-2'),
        residentSesConfigurationSet: 'hojo-residents',
      }).residentEmail,
    ).toEqual({ from, sesRegion: 'ap-northeast-2', verifiedDomain: 'participate.example.go.kr', configurationSet: 'hojo-residents' });
    const addressIdentity = `arn:aws:ses:ap-northeast-2:${account}:identity/${from}`;
    expect(configOf({ residentEmailFrom: from, residentSesIdentityArn: addressIdentity }).residentEmail?.verifiedDomain).toBeUndefined();
  });

  it('refuses an SES Region Cognito does not support for a Seoul pool, or one the operator has not allowed', () => {
    // Tokyo: not among Seoul's SES Regions (Seoul, N. Virginia, Oregon, Ireland), even when allowed
    expect(() =>
      configOf({
        residentEmailFrom: from,
        residentSesIdentityArn: domainIdentity('ap-northeast-1'),
        allowedRegions: ['ap-northeast-2', 'ap-northeast-1'],
      }),
    ).toThrow(/a user pool in ap-northeast-2 sends with SES in ap-northeast-2, us-east-1, us-west-2, eu-west-1 only/);
    // Oregon: supported, but the residents' addresses would leave the allowed Regions
    expect(() => configOf({ residentEmailFrom: from, residentSesIdentityArn: domainIdentity('us-west-2') })).toThrow(
      /us-west-2, not in allowedRegions \[ap-northeast-2\]/,
    );
    expect(
      configOf({
        residentEmailFrom: from,
        residentSesIdentityArn: domainIdentity('us-west-2'),
        allowedRegions: ['ap-northeast-2', 'us-west-2'],
      }).residentEmail?.sesRegion,
    ).toBe('us-west-2');
  });

  it("refuses another account's identity, an address outside the identity, a malformed value, or SES settings without an address", () => {
    expect(() => configOf({ residentEmailFrom: from, residentSesIdentityArn: domainIdentity('ap-northeast-2', '210987654321') })).toThrow(
      /account 210987654321: Cognito sends only with an SES identity of its own account/,
    );
    expect(() =>
      configOf({ residentEmailFrom: 'no-reply@other.example.go.kr', residentSesIdentityArn: domainIdentity('ap-northeast-2') }),
    ).toThrow(/neither the SES identity/);
    expect(() => configOf({ residentEmailFrom: 'not-an-address' })).toThrow(/not an e-mail address/);
    expect(() => configOf({ residentEmailFrom: from, residentSesIdentityArn: 'arn:aws:ses:ap-northeast-2:identity' })).toThrow(
      /not an SES identity ARN/,
    );
    expect(() => configOf({ residentEmailFrom: from, residentSesConfigurationSet: 'has space' })).toThrow(
      /not an SES configuration set name/,
    );
    expect(() => configOf({ residentSesIdentityArn: domainIdentity('ap-northeast-2') })).toThrow(/need residentEmailFrom/);
  });
});

describe("the residents' pool", () => {
  const poolOf = (email: ResidentEmail | undefined) => {
    const app = new App({ context: templateOnly });
    const stack = new Stack(app, 'Data', { env: { account, region: 'ap-northeast-2' } });
    new ResidentIdentity(stack, 'Residents', {
      domainPrefix: 'hojo-residents',
      callbackUrls: [],
      logRetention: RetentionDays.ONE_YEAR,
      email,
    });
    const [pool] = Object.values(Template.fromStack(stack).findResources('AWS::Cognito::UserPool'));
    return pool!.Properties as Record<string, any>;
  };

  it('sends through Amazon SES from the configured identity (DEVELOPER), with the configuration set', () => {
    const pool = poolOf(
      configOf({
        residentEmailFrom: from,
        residentSesIdentityArn: domainIdentity('ap-northeast-2'),
        residentSesConfigurationSet: 'hojo-residents',
      }).residentEmail,
    );
    expect(pool.EmailConfiguration).toEqual({
      EmailSendingAccount: 'DEVELOPER',
      From: from,
      SourceArn: {
        'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:ses:ap-northeast-2:${account}:identity/participate.example.go.kr`]],
      },
      ConfigurationSet: 'hojo-residents',
    });
    expect(pool.VerificationMessageTemplate).toMatchObject({
      DefaultEmailOption: 'CONFIRM_WITH_CODE',
      EmailSubject: expect.stringContaining('호조'),
    });
  });

  it("keeps Cognito's own e-mail when no address is configured (trials): no SES identity, CloudFormation's default account", () => {
    const pool = poolOf(undefined);
    // EmailSendingAccount defaults to COGNITO_DEFAULT when the template leaves it out
    expect(pool.EmailConfiguration?.EmailSendingAccount ?? 'COGNITO_DEFAULT').toBe('COGNITO_DEFAULT');
    expect(pool.EmailConfiguration?.SourceArn).toBeUndefined();
  });
});
