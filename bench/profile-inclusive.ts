// Where a CPU profile's busy time went, by function *including* what it called (profile-summary.ts
// gives self time): the share of non-idle time spent inside each function, recursion counted once.
//   npx tsx bench/profile-inclusive.ts <file.cpuprofile> [substring of function or file] [top]
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

const file = process.argv[2];
if (file === undefined) throw new Error('usage: profile-inclusive.ts <file.cpuprofile> [filter] [top]');
const filter = process.argv[3] ?? '';
const top = Number(process.argv[4] ?? 60);
const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const idle = [...self].filter(([id]) => byId.get(id)?.callFrame.functionName === '(idle)').reduce((a, [, t]) => a + t, 0);
const inclusive = new Map<string, number>();

function walk(id: number, stack: Set<string>): number {
  const node = byId.get(id);
  if (node === undefined) return 0;
  const { functionName, url, lineNumber } = node.callFrame;
  const key = `${functionName === '' ? '(anonymous)' : functionName} ${url.replace(/^.*\/(node_modules|src)\//, '$1/')}:${String(lineNumber + 1)}`;
  const fresh = !stack.has(key);
  if (fresh) stack.add(key);
  let t = self.get(id) ?? 0;
  for (const child of node.children ?? []) t += walk(child, stack);
  if (fresh) {
    stack.delete(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + t);
  }
  return t;
}

const root = profile.nodes[0];
if (root !== undefined) walk(root.id, new Set());
const busy = total - idle;
const lines = [...inclusive]
  .filter(([k]) => k.includes(filter))
  .sort((a, b) => b[1] - a[1])
  .slice(0, top)
  .map(([k, t]) => `${((t / busy) * 100).toFixed(1).padStart(5)}%  ${k}`);
process.stdout.write(`total ${(total / 1000).toFixed(0)} ms, idle ${(idle / 1000).toFixed(0)} ms, busy ${(busy / 1000).toFixed(0)} ms\n${lines.join('\n')}\n`);
