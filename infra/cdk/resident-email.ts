/**
 * How the residents' pool sends its e-mail (issue #19, finding 10): the verification codes of
 * sign-up and of a changed address, and password resets.
 *
 * - Not configured: Cognito's own e-mail, for trials only. Cognito allows it 50 e-mails a day per
 *   account, not adjustable (Cognito Developer Guide, "Quotas in Amazon Cognito"), and calls it
 *   "below the required delivery volume" of typical production ("Email settings for Amazon Cognito
 *   user pools"); read in awsdocs/amazon-cognito-developer-guide, doc_source/limits.md and
 *   user-pool-email.md as of 2023-01-31, the repository's last version of those pages.
 * - `residentEmailFrom`: the pool sends through Amazon SES (`DEVELOPER`) from that address, with the
 *   SES identity `residentSesIdentityArn` (a verified domain, or the address itself) or, without it,
 *   the address as an identity in the deployment Region; `residentSesConfigurationSet` optionally.
 *
 * The identity's Region must be one Cognito supports for the pool's Region (the table below) and one
 * the operator allows (`allowedRegions`): the residents' addresses go through that Region's SES
 * ("Regional data considerations"). The identity must be in the same account: Cognito cannot use an
 * SES identity of another account (same page, "Configuring email for your user pool").
 */
export interface ResidentEmail {
  /** The From address, a verified SES identity or an address of a verified domain. */
  readonly from: string;
  /** The Region of the SES identity. */
  readonly sesRegion: string;
  /** The verified domain identity the address belongs to; undefined: the address is the identity. */
  readonly verifiedDomain: string | undefined;
  /** An SES configuration set applied to every message (event publishing, IP pool). */
  readonly configurationSet: string | undefined;
}

export interface ResidentEmailContext {
  readonly from: string | undefined;
  readonly identityArn: string | undefined;
  readonly configurationSet: string | undefined;
}

/** The SES Regions Cognito once required ("legacy" alternates still accepted for many pool Regions). */
const alternates = ['us-east-1', 'us-west-2', 'eu-west-1'];

/**
 * A user pool's Region → the Regions whose SES identities it can send with (Cognito Developer Guide,
 * "Amazon SES email configuration Regions", version of 2023-01-31). A Region the table does not name
 * is taken to support its own Region only [U].
 */
export const cognitoSesRegions: Readonly<Record<string, readonly string[]>> = {
  'us-east-1': alternates,
  'us-east-2': ['us-east-2', ...alternates],
  'us-west-1': ['us-west-1'],
  'us-west-2': alternates,
  'ca-central-1': ['ca-central-1', ...alternates],
  'ap-northeast-1': ['ap-northeast-1', ...alternates],
  'ap-northeast-2': ['ap-northeast-2', ...alternates],
  'ap-south-1': ['ap-south-1', ...alternates],
  'ap-southeast-1': ['ap-southeast-1', ...alternates],
  'ap-southeast-2': ['ap-southeast-2', ...alternates],
  'eu-west-1': alternates,
  'eu-west-2': ['eu-west-2', ...alternates],
  'eu-west-3': ['eu-west-3'],
  'eu-central-1': ['eu-central-1', ...alternates],
  'eu-north-1': ['eu-north-1'],
  'eu-south-1': ['eu-south-1'],
  'me-south-1': ['me-south-1'],
  'sa-east-1': ['sa-east-1'],
};

const address = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63})$/;
const identityArn = /^arn:aws[a-z-]*:ses:([a-z0-9-]+):(\d{12}):identity\/(.+)$/;
/** CloudFormation's pattern for EmailConfiguration.ConfigurationSet. */
const configurationSetName = /^[a-zA-Z0-9_-]{1,64}$/;

export function residentEmailOf(
  context: ResidentEmailContext,
  where: { readonly region: string; readonly allowedRegions: readonly string[]; readonly account: string | undefined },
): ResidentEmail | undefined {
  const { from, identityArn: arn, configurationSet } = context;
  if (from === undefined) {
    if (arn !== undefined || configurationSet !== undefined) {
      throw new Error(
        'context residentSesIdentityArn and residentSesConfigurationSet need residentEmailFrom: the address the pool sends from',
      );
    }
    return undefined;
  }
  const domain = address.exec(from)?.[1];
  if (domain === undefined) throw new Error(`context residentEmailFrom: "${from}" is not an e-mail address (ASCII, lower-case domain)`);
  if (configurationSet !== undefined && !configurationSetName.test(configurationSet)) {
    throw new Error(`context residentSesConfigurationSet: "${configurationSet}" is not an SES configuration set name`);
  }
  let sesRegion = where.region;
  let verifiedDomain: string | undefined;
  if (arn !== undefined) {
    const [, region, account, identity] = identityArn.exec(arn) ?? [];
    if (region === undefined || identity === undefined)
      throw new Error(`context residentSesIdentityArn: "${arn}" is not an SES identity ARN`);
    if (where.account !== undefined && account !== where.account) {
      throw new Error(
        `context residentSesIdentityArn is in account ${account}: Cognito sends only with an SES identity of its own account (${where.account})`,
      );
    }
    if (identity.includes('@') ? identity !== from : identity !== domain) {
      throw new Error(`context residentEmailFrom "${from}" is neither the SES identity "${identity}" nor an address of it`);
    }
    sesRegion = region;
    verifiedDomain = identity.includes('@') ? undefined : identity;
  }
  const supported = cognitoSesRegions[where.region] ?? [where.region];
  if (!supported.includes(sesRegion)) {
    throw new Error(
      `context residentSesIdentityArn is in ${sesRegion}: a user pool in ${where.region} sends with SES in ${supported.join(', ')} only (Cognito, "Amazon SES email configuration Regions")`,
    );
  }
  if (!where.allowedRegions.includes(sesRegion)) {
    throw new Error(
      `context residentSesIdentityArn is in ${sesRegion}, not in allowedRegions [${where.allowedRegions.join(', ')}]: the residents' addresses would pass through it; add it to allowedRegions on purpose`,
    );
  }
  return { from, sesRegion, verifiedDomain, configurationSet };
}
