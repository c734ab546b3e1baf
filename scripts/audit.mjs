#!/usr/bin/env node
// `npm run audit`: the gate form of the build's dependency audit (scripts/npm-audit-report.mjs, which
// feeds the operations page). Every high or critical advisory of the production dependencies must have a
// written decision in security/audit-decisions.json — `{ package, url, why, until }`: the advisory's
// link, why it does not apply or what mitigates it, and the date the decision must be looked at again.
// Exits 1 on an advisory without a current decision. When the registry does not answer audits (some
// mirrors answer 405) it says so and exits 3: "unknown" is not "clean".
import { readFileSync } from 'node:fs';
import { runNpmAudit, summariseAudit } from './npm-audit-report.mjs';

const root = new URL('..', import.meta.url).pathname;
const decisions = JSON.parse(
  readFileSync(new URL('../security/audit-decisions.json', import.meta.url), 'utf8'),
);
const report = summariseAudit(await runNpmAudit(root, 120_000));
if (!report.available) {
  console.error(`npm audit: the registry did not answer the audit (${report.error}).`);
  console.error('The dependencies are unaudited, not clean. Run it where the registry answers audits.');
  process.exit(3);
}
const today = new Date().toISOString().slice(0, 10);
const open = [];
for (const a of report.advisories.filter((x) => x.severity === 'high' || x.severity === 'critical')) {
  const d = decisions.find((x) => x.package === a.name && x.url === a.url);
  if (d && d.until >= today)
    console.log(`accepted: ${a.name} (${a.severity}) ${a.url} until ${d.until}: ${d.why}`);
  else
    open.push(
      `${a.name} (${a.severity}): ${a.title} ${a.url ?? ''}${d ? ` — decision expired ${d.until}` : ''}`,
    );
}
console.log(
  `npm audit: ${JSON.stringify(report.counts)}; high or critical without a current decision: ${open.length}`,
);
for (const o of open) console.log(`  ${o}`);
process.exit(open.length ? 1 : 0);
