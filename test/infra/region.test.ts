import { describe, expect, it } from 'vitest';
import { readDeployConfig, stackMachineClientName } from '#infra/cdk/deploy-config.ts';
import { cdkJsonContext, deployConfigOf as configOf } from '#test/infra/deploy-context.ts';

describe('the deployment Region (issue #19, finding 1)', () => {
  it('is pinned to Seoul in cdk.json, with Seoul alone allowed', () => {
    expect(cdkJsonContext.region).toBe('ap-northeast-2');
    expect(cdkJsonContext.allowedRegions).toEqual(['ap-northeast-2']);
    expect(configOf().region).toBe('ap-northeast-2');
  });

  it("ignores the CDK CLI's default Region (the profile's), whatever it says", () => {
    expect(configOf({}, { CDK_DEFAULT_REGION: 'us-east-1' }).region).toBe('ap-northeast-2');
    expect(readDeployConfig(() => undefined, { CDK_DEFAULT_REGION: 'us-east-1' }).region).toBe('ap-northeast-2');
  });

  it('refuses to synthesize for a Region outside the allow-list, naming both', () => {
    expect(() => configOf({ region: 'us-east-1' }, { CDK_DEFAULT_REGION: 'us-east-1' })).toThrow(
      /context region "us-east-1" is not in allowedRegions \[ap-northeast-2\]/,
    );
    expect(configOf({ region: 'ap-northeast-3', allowedRegions: 'ap-northeast-2,ap-northeast-3' }).region).toBe('ap-northeast-3');
  });

  it('accepts a standby Region only when allowed and different from the primary', () => {
    expect(() => configOf({ standbyRegion: 'ap-northeast-3' })).toThrow(/standbyRegion "ap-northeast-3" is not in allowedRegions/);
    expect(() => configOf({ standbyRegion: 'ap-northeast-2' })).toThrow(/must differ/);
    const allowed = configOf({ standbyRegion: 'ap-northeast-3', allowedRegions: ['ap-northeast-2', 'ap-northeast-3'] });
    expect(allowed.standbyRegion).toBe('ap-northeast-3');
  });
});

describe('the machine clients registry (issue #19, finding 10)', () => {
  it('accepts clientId=role@government entries and refuses anything else at synthesis', () => {
    expect(configOf({ machineClients: 'a1=treasury_bank@11110,b2=department_official@11110' }).machineClients).toEqual([
      'a1=treasury_bank@11110',
      'b2=department_official@11110',
    ]);
    expect(() => configOf({ machineClients: 'a1=head@11110' })).toThrow(/not a machine client's role/);
    expect(() =>
      configOf({ machineClients: Array.from({ length: 100 }, (_, i) => `client${i}xxxxxxxxxxxxxxxxxx=treasury_bank@11110`) }),
    ).toThrow(/4 KB environment limit/);
  });

  it('takes role@government entries as clients the stack creates (aws only), apart from the environment registry', () => {
    const config = configOf({ machineClients: 'a1=treasury_bank@11110,treasury_bank@26000,department_official@26000' });
    expect(config.machineClients).toEqual(['a1=treasury_bank@11110']);
    expect(config.stackMachineClients).toEqual([
      { role: 'treasury_bank', govs: ['26000'] },
      { role: 'department_official', govs: ['26000'] },
    ]);
    expect(() => configOf({ machineClients: 'head@26000' })).toThrow(/"head" is not a machine client's role/);
    expect(() => configOf({ machineClients: 'treasury_bank@2600' })).toThrow(/not role@government.*nor is it clientId=role@government/);
    expect(() => configOf({ machineClients: 'treasury_bank@26000,treasury_bank@26000' })).toThrow(/would be the same client/);
    expect(() => configOf({ target: 'onprem', machineClients: 'treasury_bank@26000' })).toThrow(/need Cognito, the aws target/);
  });
});

describe('machine clients for a set of governments (a bank for the governments whose 금고 it is)', () => {
  it('takes role@government+government… in both forms, one client per entry, named by its first government', () => {
    const config = configOf({ machineClients: 'nh=treasury_bank@11110+26000,treasury_bank@11110+26000+41000,treasury_bank@11110' });
    expect(config.machineClients).toEqual(['nh=treasury_bank@11110+26000']);
    expect(config.stackMachineClients).toEqual([
      { role: 'treasury_bank', govs: ['11110', '26000', '41000'] },
      { role: 'treasury_bank', govs: ['11110'] },
    ]);
    expect(config.stackMachineClients.map(stackMachineClientName)).toEqual(['hojo-TreasuryBank-11110-set', 'hojo-TreasuryBank-11110']);
    // two banks may serve one government (its two 금고, 지방회계법 제38조③), but not under one name
    expect(configOf({ machineClients: 'treasury_bank@11110+26000,treasury_bank@26000+11110' }).stackMachineClients).toHaveLength(2);
    expect(() => configOf({ machineClients: 'treasury_bank@11110+26000,treasury_bank@11110+41000' })).toThrow(/would be the same client/);
  });

  it('refuses an empty set, a government named twice, in either form', () => {
    expect(() => configOf({ machineClients: 'treasury_bank@' })).toThrow(/not role@government/);
    expect(() => configOf({ machineClients: 'treasury_bank@11110+11110' })).toThrow(/government 11110 twice/);
    expect(() => configOf({ machineClients: 'nh=treasury_bank@' })).toThrow(/not role@government/);
    expect(() => configOf({ machineClients: 'nh=treasury_bank@26000+11110+26000' })).toThrow(/government 26000 twice/);
  });
});

describe("the residents' sign-in callbacks (issue #19, finding 10)", () => {
  it('takes https callbacks as a list, none by default, and refuses any other scheme', () => {
    expect(configOf().residentCallbackUrls).toEqual([]);
    expect(configOf({ residentCallbackUrls: 'https://a.example.go.kr/cb,https://b.example.go.kr/cb' }).residentCallbackUrls).toEqual([
      'https://a.example.go.kr/cb',
      'https://b.example.go.kr/cb',
    ]);
    expect(() => configOf({ residentCallbackUrls: 'http://a.example.go.kr/cb' })).toThrow(/not an https:\/\/ URL/);
  });
});

describe('the distribution domain (issue #19, finding 7)', () => {
  const certificate = 'arn:aws:acm:us-east-1:123456789012:certificate/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0';

  it('takes names and a us-east-1 certificate together, or neither', () => {
    expect(configOf().webDomain).toBeUndefined();
    expect(configOf({ webDomainNames: 'hojo.example.go.kr', webCertificateArn: certificate }).webDomain).toEqual({
      names: ['hojo.example.go.kr'],
      certificateArn: certificate,
    });
    expect(() => configOf({ webDomainNames: 'hojo.example.go.kr' })).toThrow(/go together/);
    expect(() =>
      configOf({ webDomainNames: 'hojo.example.go.kr', webCertificateArn: certificate.replace('us-east-1', 'ap-northeast-2') }),
    ).toThrow(/not an ACM certificate ARN in us-east-1/);
  });
});

describe("the API's origin name (issue #19, finding 7: the execute-api endpoint disabled)", () => {
  const certificate = 'arn:aws:acm:ap-northeast-2:123456789012:certificate/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0';

  it('takes a DNS name, with or without a certificate in the deployment Region; on-prem has none', () => {
    expect(configOf().apiDomain).toBeUndefined();
    expect(configOf({ apiDomainName: 'api-origin.hojo.example.go.kr' }).apiDomain).toEqual({
      name: 'api-origin.hojo.example.go.kr',
      certificateArn: undefined,
    });
    expect(configOf({ apiDomainName: 'api.hojo.example.go.kr', apiCertificateArn: certificate }).apiDomain?.certificateArn).toBe(
      certificate,
    );
    expect(configOf({ target: 'onprem', apiDomainName: 'api.hojo.example.go.kr' }).apiDomain).toBeUndefined();
  });

  it('refuses a name that is not one, a certificate without a name, and one outside the Region', () => {
    expect(() => configOf({ apiDomainName: 'https://api.example.go.kr' })).toThrow(/not a lower-case DNS name/);
    expect(() => configOf({ apiCertificateArn: certificate })).toThrow(/needs apiDomainName/);
    expect(() =>
      configOf({ apiDomainName: 'api.example.go.kr', apiCertificateArn: certificate.replace('ap-northeast-2', 'us-east-1') }),
    ).toThrow(/API Gateway takes the certificate from ap-northeast-2/);
  });
});
