/**
 * The load generator's thread: the clients run here, so that on a 2-core machine the API under
 * test keeps the main thread to itself. Input and output through workerData / postMessage.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runClients } from './http-clients.ts';
import type { ClientsInput } from './http-clients.ts';

parentPort?.postMessage(await runClients(workerData as ClientsInput));
