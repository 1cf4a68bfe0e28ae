/**
 * `node bench/profile/summarise-cpu-profile.ts <file.cpuprofile> [top]`: self time by function and by
 * package/area (node_modules package, project folder, node internals), from a `node --cpu-prof` profile.
 */
import { readFileSync } from 'node:fs';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}
interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
  readonly startTime: number;
  readonly endTime: number;
}

const [file, topArg, ...inclusive] = process.argv.slice(2);
if (!file) throw new Error('usage: summarise-cpu-profile.ts <file.cpuprofile> [top] [inclusive-pattern …]');
const top = Number(topArg ?? 30);
const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfMicros = new Map<number, number>();
profile.samples.forEach((id, i) => {
  selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});

const byFunction = new Map<string, number>();
const byArea = new Map<string, number>();
for (const [id, micros] of selfMicros) {
  const frame = byId.get(id)?.callFrame;
  if (!frame) continue;
  const where = shortUrl(frame.url);
  const name = `${frame.functionName || '(anonymous)'} ${where}:${frame.lineNumber + 1}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
  const area = areaOf(frame);
  byArea.set(area, (byArea.get(area) ?? 0) + micros);
}
const total = [...selfMicros.values()].reduce((a, b) => a + b, 0);
print('by area', byArea, 25);
print('by function', byFunction, top);
if (inclusive.length > 0) print('inclusive (samples with a matching frame on the stack)', inclusiveTimes(inclusive), inclusive.length);

/** For each pattern (matched against "function url"), the time of samples with such a frame anywhere on their stack. */
function inclusiveTimes(patterns: readonly string[]): Map<string, number> {
  const parent = new Map<number, number>();
  for (const node of profile.nodes as readonly (ProfileNode & { children?: number[] })[])
    for (const child of node.children ?? []) parent.set(child, node.id);
  const times = new Map<string, number>(patterns.map((pattern) => [pattern, 0]));
  for (const [id, micros] of selfMicros) {
    const frames: string[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (frame) frames.push(`${frame.functionName} ${frame.url}`);
    }
    for (const pattern of patterns)
      if (frames.some((frame) => frame.includes(pattern))) times.set(pattern, (times.get(pattern) ?? 0) + micros);
  }
  return times;
}

function print(title: string, table: Map<string, number>, rows: number): void {
  process.stdout.write(`\n${title} (total ${(total / 1000).toFixed(0)} ms sampled)\n`);
  for (const [name, micros] of [...table].sort((a, b) => b[1] - a[1]).slice(0, rows)) {
    process.stdout.write(`${((100 * micros) / total).toFixed(1).padStart(5)}%  ${(micros / 1000).toFixed(0).padStart(6)} ms  ${name}\n`);
  }
}

function shortUrl(url: string): string {
  const i = url.lastIndexOf('node_modules/');
  if (i >= 0) return url.slice(i + 'node_modules/'.length);
  return url.replace(/^file:\/\/.*?\/work\/main\//, '');
}

function areaOf(frame: CallFrame): string {
  if (frame.url === '') return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  if (frame.url.startsWith('node:')) return frame.url.split('/')[0] ?? frame.url;
  const i = frame.url.lastIndexOf('node_modules/');
  if (i >= 0) {
    const parts = frame.url.slice(i + 'node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? '?');
  }
  const local = shortUrl(frame.url).split('/');
  return local.slice(0, Math.min(2, local.length - 1)).join('/') || local.join('/');
}
