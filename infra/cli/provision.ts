import { parseArgs } from 'node:util';
import { endpointsFromEnv, provisionDeclared } from '#infra/embedded/provision-declared.ts';
import { seedRegistry } from '#infra/embedded/stack-manager.ts';
import { governmentsFromCodeTable } from '#shared/domain/registry/governments.ts';

const USAGE = `npm run provision [-- --prefix PREFIX] [--no-seed]

Creates, if absent, everything shared/resources.ts declares on the endpoints that the standard
variables name (AWS_ENDPOINT_URL, or AWS_ENDPOINT_URL_DYNAMODB / _SQS / _S3): the table with its
index (point-in-time recovery and deletion protection where the endpoint supports them), the queues
with their dead-letter queues and redrive policies, the archive bucket with versioning and Object
Lock (COMPLIANCE default retention). Then seeds the registry of local governments. A second run
changes nothing. Prints the variables to give \`HOJO_EXTERNAL_ENDPOINTS=1 npm start\`.
For AWS itself, deploy with CDK instead (npm run synth; npx cdk deploy).`;

const { values } = parseArgs({
  options: { prefix: { type: 'string', default: '' }, 'no-seed': { type: 'boolean' }, help: { type: 'boolean' } },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const endpoints = endpointsFromEnv(process.env);
if (!endpoints) {
  console.error(`npm run provision needs AWS_ENDPOINT_URL (or AWS_ENDPOINT_URL_DYNAMODB, _SQS and _S3)\n\n${USAGE}`);
  process.exit(2);
}

try {
  // The store's own credentials when the environment has them (AWS_ACCESS_KEY_ID…), the local key otherwise.
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = process.env;
  const { env, steps } = await provisionDeclared(endpoints, values.prefix, {
    ...(process.env.AWS_REGION ? { region: process.env.AWS_REGION } : {}),
    ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) } } : {}),
  });
  for (const step of steps) {
    console.error(`${step.outcome.padEnd(11)} ${step.resource}: ${step.setting}${step.detail ? ` (${step.detail})` : ''}`);
  }
  if (!values['no-seed']) {
    const governments = governmentsFromCodeTable();
    await seedRegistry(env);
    console.error(`seeded      registry: ${governments.length} local governments`);
  }
  for (const name of ['TABLE_NAME', 'POSTING_QUEUE_URL', 'SETTLEMENT_QUEUE_URL', 'ARCHIVE_BUCKET']) {
    if (env[name]) console.log(`export ${name}=${env[name]}`);
  }
} catch (error) {
  const e = error as Error & { $metadata?: { httpStatusCode?: number } };
  console.error(`provisioning failed: ${e.name}: ${e.message}`);
  if (e.$metadata?.httpStatusCode === 403) {
    console.error(
      '(the endpoint refused the credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY to the store\'s own; see README "Deploy on-prem")',
    );
  }
  process.exit(1);
}
