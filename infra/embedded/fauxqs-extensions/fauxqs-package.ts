/**
 * Loads internal modules of the installed fauxqs by file path: the package's `exports` only expose
 * ".". Node caches ES modules by URL and fauxqs's own app imports the same files, so a prototype
 * patched through a module loaded here is the one the running server uses.
 */
import { readFile } from 'node:fs/promises';
import { findPackageJSON } from 'node:module';
import { pathToFileURL } from 'node:url';

export interface FauxqsModule<T> {
  readonly module: Partial<T>;
  /** File path of the module, for error messages. */
  readonly path: string;
  /** fauxqs's version, for error messages. */
  readonly version: string;
}

export async function loadFauxqsModule<T>(pathInPackage: string): Promise<FauxqsModule<T>> {
  // findPackageJSON rather than import.meta.resolve, which vitest's module runner does not support.
  const packageJson = findPackageJSON('fauxqs', import.meta.url);
  if (!packageJson) throw new Error('fauxqs is not installed');
  const url = new URL(pathInPackage, pathToFileURL(packageJson));
  const { version } = JSON.parse(await readFile(packageJson, 'utf8')) as { version: string };
  return { module: (await import(url.href)) as Partial<T>, path: url.pathname, version };
}

/** Throws, naming the fauxqs version and what is missing, when `missing` is not empty. */
export function requireInternals(version: string, path: string, missing: readonly string[]): void {
  if (missing.length === 0) return;
  throw new Error(
    `fauxqs ${version}: ${path} no longer provides ${missing.join(', ')}; ` +
      'the extensions in infra/embedded/fauxqs-extensions must be revisited for this version',
  );
}

/** Names of `methods` that are not functions on `prototype`, prefixed with `owner`. */
export function missingMethods(owner: string, prototype: unknown, methods: readonly string[]): string[] {
  const found = (prototype ?? {}) as Record<string, unknown>;
  return methods.filter((name) => typeof found[name] !== 'function').map((name) => `${owner}.prototype.${name}`);
}
