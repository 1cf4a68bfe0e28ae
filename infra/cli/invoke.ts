import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { invokeOnce } from '#infra/runtime/invoke.ts';
import { defaultDataDir, usesExternalEndpoints } from '#infra/cli/data-dir.ts';
import { withStack } from '#infra/cli/stack-target.ts';

const USAGE = `npm run invoke -- <function> <event-file> [--data-dir .data] [--external]

Runs functions/<function>.ts once with the event in <event-file> (see events/), against the stack of a
running \`npm start\`, or a throwaway in-memory stack when none runs, or the external endpoints in the
environment with --external. Prints the handler's result as JSON.
Example: npm run invoke -- registry/get-government events/registry/get-government.json`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'data-dir': { type: 'string' }, external: { type: 'boolean' }, help: { type: 'boolean' } },
});
const [handler, eventFile] = positionals;
if (values.help || !handler || !eventFile) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}

const event: unknown = JSON.parse(await readFile(eventFile, 'utf8'));
const dataDir = values['data-dir'] ?? defaultDataDir();
// Like Lambda, logs and metrics go to the log stream (stderr here); stdout carries only the result.
const printResult = process.stdout.write.bind(process.stdout);
process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
try {
  const result = await withStack(dataDir, usesExternalEndpoints(values.external), async (where) => {
    console.error(`invoking ${handler} against ${where}`);
    return invokeOnce(handler, event);
  });
  printResult(`${JSON.stringify(result ?? null, null, 2)}\n`, () => process.exit(0));
} catch (error) {
  console.error(`${handler} failed:`, error);
  process.exit(1);
}
