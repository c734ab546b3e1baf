import { AdvisoryReport } from '@9tangle/contracts';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script, without types
import { summariseAudit } from '../../../../../../scripts/npm-audit-report.mjs';

const now = new Date('2026-12-01T00:00:00Z');

describe('the build-time npm audit summary', () => {
  it('counts by severity and lists each vulnerable package, worst first', () => {
    const report = summariseAudit(
      {
        vulnerabilities: {
          minimist: {
            severity: 'moderate',
            range: '<1.2.6',
            fixAvailable: true,
            via: [{ title: 'Prototype Pollution in minimist', url: 'https://github.com/advisories/GHSA-x' }],
          },
          mkdirp: { severity: 'critical', range: '0.5.x', fixAvailable: false, via: ['minimist'] },
        },
        metadata: { vulnerabilities: { info: 0, low: 0, moderate: 1, high: 0, critical: 1, total: 2 } },
      },
      now,
    );
    expect(AdvisoryReport.parse(report)).toEqual({
      generatedAt: now.toISOString(),
      available: true,
      error: null,
      counts: { info: 0, low: 0, moderate: 1, high: 0, critical: 1 },
      advisories: [
        {
          name: 'mkdirp',
          severity: 'critical',
          title: 'Depends on a vulnerable minimist',
          url: null,
          range: '0.5.x',
          fixAvailable: false,
        },
        {
          name: 'minimist',
          severity: 'moderate',
          title: 'Prototype Pollution in minimist',
          url: 'https://github.com/advisories/GHSA-x',
          range: '<1.2.6',
          fixAvailable: true,
        },
      ],
    });
  });

  it('records that the registry could not be asked', () => {
    const report = summariseAudit({ message: '405 Method Not Allowed', error: { summary: '' } }, now);
    expect(AdvisoryReport.parse(report)).toMatchObject({ available: false, error: '405 Method Not Allowed' });
    expect(summariseAudit({ error: { code: 'ENOTFOUND' } }, now)).toMatchObject({
      available: false,
      error: 'ENOTFOUND',
    });
  });
});
