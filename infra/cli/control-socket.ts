import { rm } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import { join } from 'node:path';

/**
 * The running `npm start`'s control channel: HTTP over a Unix socket in its data directory (mode
 * 0700), so only the operator's account can reach it and it is never on a network. `npm run
 * backup` asks the running runtime for a snapshot through it.
 */
export const controlSocketPath = (dataDir: string): string => join(dataDir, 'control.sock');

export type ControlActions = Readonly<Record<string, (body: Record<string, unknown>) => Promise<unknown>>>;

export async function serveControl(dataDir: string, actions: ControlActions): Promise<{ close(): Promise<void> }> {
  const path = controlSocketPath(dataDir);
  await rm(path, { force: true });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => {
      const action = req.method === 'POST' ? actions[(req.url ?? '').replace(/^\//, '')] : undefined;
      const answer = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      };
      if (!action) return answer(404, { error: `no control action ${req.method} ${req.url}` });
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      } catch {
        return answer(400, { error: 'the body is not JSON' });
      }
      action(body).then(
        (result) => answer(200, result),
        (error: unknown) => answer(500, { error: (error as Error).message }),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Calls an action of the runtime whose data directory this is. */
export function callControl(dataDir: string, action: string, body: Record<string, unknown>): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath: controlSocketPath(dataDir), method: 'POST', path: `/${action}` }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.once('end', () => {
        const answer = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { error?: string };
        if (res.statusCode === 200) resolve(answer);
        else reject(new Error(answer.error ?? `control action ${action} answered ${res.statusCode}`));
      });
    });
    req.once('error', reject);
    req.end(JSON.stringify(body));
  });
}
