import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

const exportsHandler = /export\s+(?:const|let|var|function|async\s+function)\s+handler\b|export\s*\{[^}]*\bhandler\b[^}]*\}/;

/**
 * The source file of a declared handler (`functions/<handler>.ts`). Synthesis stops here, with the
 * declaration named, when the file is missing or does not export `handler`: a route, consumer or
 * schedule without its module must never deploy as a function that fails on its first call.
 */
export function handlerEntry(handler: string, declaredBy: string, root: string = projectRoot): string {
  const relative = `functions/${handler}.ts`;
  const entry = join(root, relative);
  if (!existsSync(entry)) {
    throw new Error(`${declaredBy} declares handler "${handler}" but ${relative} does not exist`);
  }
  if (!exportsHandler.test(readFileSync(entry, 'utf8'))) {
    throw new Error(`${declaredBy} declares handler "${handler}" but ${relative} does not export \`handler\``);
  }
  return entry;
}
