import { parseArgs } from 'node:util';
import { isRole, allRoles } from '#shared/auth/roles.ts';
import type { Role } from '#shared/auth/roles.ts';
import { devIssuerDir } from '#infra/runtime/auth-config.ts';
import { loadDevIssuer } from '#infra/runtime/jwt/dev-issuer.ts';
import { defaultDataDir } from '#infra/cli/data-dir.ts';

const USAGE = `npm run token -- --role <role> [--role <role> …] [--gov <5-digit code>] [--sub <id>] [--dept <dept>] [--ttl 3600] [--data-dir .data]

Prints a JWT signed by the development issuer (key under <data-dir>/dev-issuer/, created on first use).
Roles: ${allRoles.join(', ')}`;

const { values } = parseArgs({
  options: {
    role: { type: 'string', multiple: true },
    gov: { type: 'string' },
    sub: { type: 'string' },
    dept: { type: 'string' },
    ttl: { type: 'string', default: '3600' },
    'data-dir': { type: 'string' },
    help: { type: 'boolean' },
  },
});

const fail = (message: string): never => {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
};

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const roles = values.role ?? fail('at least one --role is required');
const unknown = roles.filter((role) => !isRole(role));
if (unknown.length > 0) fail(`unknown role(s): ${unknown.join(', ')}`);
if (values.gov !== undefined && !/^\d{5}$/.test(values.gov)) fail('--gov is a 5-digit government code, e.g. 11110');
const ttlSeconds = Number(values.ttl);
if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) fail('--ttl is a positive number of seconds');

const issuer = await loadDevIssuer(devIssuerDir(values['data-dir'] ?? defaultDataDir()));
const token = await issuer.sign({
  sub: values.sub ?? `dev-${roles[0]}${values.gov ? `-${values.gov}` : ''}`,
  roles: roles as Role[],
  ...(values.gov ? { gov: values.gov } : {}),
  ...(values.dept ? { dept: values.dept } : {}),
  ttlSeconds,
});
console.log(token);
