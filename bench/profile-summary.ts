// Prints where a CPU profile (node --cpu-prof) spent its time: the functions with the most self
// time, and the share by package (node_modules/<name>, the project's own src/, node internals).
//   npx tsx bench/profile-summary.ts <file.cpuprofile> [top]
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const file = process.argv[2];
if (file === undefined) throw new Error('usage: profile-summary.ts <file.cpuprofile> [top]');
const top = Number(process.argv[3] ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const where = (url: string): string => {
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm?.[1] !== undefined) return nm[1];
  if (url.includes('/src/')) return `src/${url.split('/src/')[1]?.split('/').slice(0, 2).join('/') ?? ''}`;
  return url === '' ? '(native or idle)' : 'node internals';
};
const functions = new Map<string, number>();
const packages = new Map<string, number>();
for (const [id, t] of self) {
  const node = byId.get(id);
  if (node === undefined) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const key = `${functionName === '' ? '(anonymous)' : functionName} ${url.replace(/^.*\/(node_modules|src)\//, '$1/')}:${String(lineNumber + 1)}`;
  functions.set(key, (functions.get(key) ?? 0) + t);
  packages.set(where(url), (packages.get(where(url)) ?? 0) + t);
}
const show = (map: Map<string, number>, n: number) =>
  [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, t]) => `${((t / total) * 100).toFixed(1).padStart(5)}%  ${k}`).join('\n');
process.stdout.write(`self time by package:\n${show(packages, 15)}\n\nfunctions by self time:\n${show(functions, top)}\n`);
