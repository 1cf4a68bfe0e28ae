import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Which part of the system a request comes from ("api" unless a consumer wrapper says otherwise),
 * so that meters can split the cost of accepting a posting from the cost of applying it.
 */
const scope = new AsyncLocalStorage<string>();

export const currentScope = (): string => scope.getStore() ?? 'api';
export const inScope = <T>(name: string, work: () => T): T => scope.run(name, work);
