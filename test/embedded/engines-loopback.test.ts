import { Server } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { startEngines } from '#infra/embedded/engines.ts';

const originalListen = Server.prototype.listen;
const before = new Set(listeningAddresses());
const engines = await startEngines();
afterAll(() => engines.stop());

function listeningAddresses(): string[] {
  const handles = (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles();
  return handles
    .filter((handle): handle is Server => handle instanceof Server && handle.listening)
    .map((server) => {
      const address = server.address();
      return typeof address === 'object' && address ? `${address.address}:${address.port}` : String(address);
    });
}

describe('embedded engines', () => {
  it('listen on loopback only, SQS/S3 included (fauxqs alone would bind 0.0.0.0)', () => {
    const opened = listeningAddresses().filter((address) => !before.has(address));
    const ports = [engines.endpoints.dynamodb, engines.endpoints.sqs].map((url) => new URL(url).port);
    expect(opened.sort()).toEqual(ports.map((port) => `127.0.0.1:${port}`).sort());
  });

  it('leave net.Server.prototype.listen as it was', () => {
    expect(Server.prototype.listen).toBe(originalListen);
  });
});
