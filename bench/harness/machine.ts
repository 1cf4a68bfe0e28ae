import { readFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import type { MachineDescription } from './report.ts';

/** What the figures were measured on: nproc, memory, CPU model from /proc/cpuinfo, Node version. */
export async function describeMachine(): Promise<MachineDescription> {
  return {
    cpuModel: (await cpuModelFromProc()) ?? cpus()[0]?.model ?? 'unknown',
    nproc: availableParallelism(),
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverage: loadavg()
      .map((load) => load.toFixed(2))
      .join(' '),
  };
}

async function cpuModelFromProc(): Promise<string | undefined> {
  try {
    const cpuinfo = await readFile('/proc/cpuinfo', 'utf8');
    return /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim();
  } catch {
    return undefined;
  }
}
