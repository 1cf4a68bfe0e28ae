/**
 * Starts a throw-away moto server (`python3 -m moto.server`) for conformance tests.
 * The process runs in its own process group; stop() kills the whole group.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

export interface MotoServer {
  readonly endpoint: string;
  readonly port: number;
  stop(): Promise<void>;
}

const INSTALL_HINT = 'moto is not installed for python3: install it with `pip install "moto[server]"`';

async function freePort(host: string): Promise<number> {
  return await new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // group already gone
  }
}

export async function startMoto(options: { readyTimeoutMs?: number; python?: string } = {}): Promise<MotoServer> {
  const host = '127.0.0.1';
  const port = await freePort(host);
  const python = options.python ?? 'python3';
  const child = spawn(python, ['-m', 'moto.server', '-H', host, '-p', String(port)], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, PYTHONUNBUFFERED: '1' },
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    if (stderr.length < 64 * 1024) stderr += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let spawnError: Error | undefined;
  child.once('error', (err) => {
    spawnError = err;
  });
  const onProcessExit = () => killGroup(child, 'SIGKILL');
  process.once('exit', onProcessExit);

  const stop = async () => {
    process.off('exit', onProcessExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  };

  const endpoint = `http://${host}:${port}`;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 30_000);
  let delay = 25;
  for (;;) {
    if (spawnError || child.exitCode !== null || child.signalCode !== null) {
      await stop();
      const missing =
        (spawnError as NodeJS.ErrnoException | undefined)?.code === 'ENOENT' ||
        /No module named ['"]?moto/.test(stderr) ||
        /No module named ['"]?(flask|werkzeug|flask_cors)/i.test(stderr);
      if (missing) throw new Error(INSTALL_HINT, { cause: spawnError });
      throw new Error(`moto server exited before becoming ready (code ${child.exitCode}): ${stderr.slice(-2000)}`);
    }
    try {
      const res = await fetch(`${endpoint}/moto-api/data.json`, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`moto server did not become ready on ${endpoint}: ${stderr.slice(-2000)}`);
    }
    // Poll with exponential backoff, or wake early if the process dies.
    await Promise.race([new Promise((r) => setTimeout(r, delay)), exited]);
    delay = Math.min(delay * 2, 250);
  }

  return { endpoint, port, stop };
}
