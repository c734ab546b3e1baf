// Where a `.cpuprofile` spends its time: self time by package and by function, and inclusive time by
// function, as a share of the busy samples of its last `seconds` (the measured period, not the start).
//   node bench/profile-summary.mjs /tmp/prof/my_courses.cpuprofile [seconds] [rows]
import { readFileSync } from 'node:fs';

const [file, secondsArg, rowsArg] = process.argv.slice(2);
const seconds = Number(secondsArg ?? 10);
const rows = Number(rowsArg ?? 40);
const p = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const times = [];
let t = p.startTime;
for (const d of p.timeDeltas) {
  t += d;
  times.push(t);
}
const from = p.endTime - seconds * 1e6;
const idle = new Set(['(idle)', '(program)']);
const pkgOf = (url) => {
  if (!url) return '(native)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.startsWith('node:')) return 'node';
  return /apps\/server\/dist\//.test(url) ? 'app' : url.replace(/^file:\/\//, '');
};
const keyOf = (cf) => `${cf.functionName || '(anon)'} ${pkgOf(cf.url)}:${cf.lineNumber + 1}`;
const self = new Map();
const incl = new Map();
const pkg = new Map();
let busy = 0;
for (let i = 0; i < p.samples.length; i++) {
  if (times[i] < from) continue;
  const dt = p.timeDeltas[i + 1] ?? 0;
  const n = byId.get(p.samples[i]);
  if (idle.has(n.callFrame.functionName)) continue;
  busy += dt;
  self.set(keyOf(n.callFrame), (self.get(keyOf(n.callFrame)) ?? 0) + dt);
  pkg.set(pkgOf(n.callFrame.url), (pkg.get(pkgOf(n.callFrame.url)) ?? 0) + dt);
  const seen = new Set();
  for (let id = n.id; id !== undefined; id = parent.get(id)) {
    const k = keyOf(byId.get(id).callFrame);
    if (seen.has(k)) continue;
    seen.add(k);
    incl.set(k, (incl.get(k) ?? 0) + dt);
  }
}
const pct = (x) => `${((x / busy) * 100).toFixed(1).padStart(5)} %`;
const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
console.log(`busy ${(busy / 1000).toFixed(0)} ms in the last ${seconds} s`);
console.log('\nself, by package:');
for (const [k, x] of top(pkg, 15)) console.log(`${pct(x)}  ${k}`);
console.log('\nself, by function:');
for (const [k, x] of top(self, rows)) console.log(`${pct(x)}  ${k}`);
console.log('\ninclusive, by function:');
for (const [k, x] of top(incl, rows)) console.log(`${pct(x)}  ${k}`);
