import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../../platform/clock.ts';
import { createArchiveStore } from './backup.service.ts';
import { archiveNameFor, archivesToDelete, archiveTime, isArchiveName } from './retention.policy.ts';

const day = 86_400_000;
const now = new Date('2026-12-01T02:00:00Z');
const at = (daysAgo: number) => ({
  name: archiveNameFor(new Date(now.getTime() - daysAgo * day)),
  createdAt: new Date(now.getTime() - daysAgo * day),
});

describe('archive names', () => {
  it('are the UTC second of the backup, and read back as that moment', () => {
    expect(archiveNameFor(new Date('2026-12-01T02:00:07.123Z'))).toBe(
      '9tangle-backup-20261201T020007Z.tar.gz',
    );
    expect(archiveNameFor(new Date('2026-12-01T02:00:07Z'), 2)).toBe(
      '9tangle-backup-20261201T020007Z-2.tar.gz',
    );
    expect(archiveTime('9tangle-backup-20261201T020007Z-2.tar.gz')?.toISOString()).toBe(
      '2026-12-01T02:00:07.000Z',
    );
    expect(archiveTime('9tangle-backup-20261399T020007Z.tar.gz')).toBeNull();
  });

  it.each([
    ['9tangle-backup-20261201T020007Z.tar.gz', true],
    ['.9tangle-backup-20261201T020007Z.tar.gz.123.partial', false],
    ['9tangle-backup-20261201T020007Z.tar.gz.partial', false],
    ['../9tangle-backup-20261201T020007Z.tar.gz', false],
    ['9tangle-backup-latest.tar.gz', false],
    ['manifest.json', false],
  ])('%s is an archive name: %s', (name, expected) => {
    expect(isArchiveName(name)).toBe(expected);
  });
});

describe('archivesToDelete', () => {
  it('deletes what is older than the retention and keeps the rest', () => {
    const list = [at(0), at(10), at(29), at(31), at(90)];
    expect(archivesToDelete(list, { now, retentionDays: 30 })).toEqual([at(31).name, at(90).name]);
  });

  it('always keeps the newest archive, however old', () => {
    expect(archivesToDelete([at(400), at(200)], { now, retentionDays: 30 })).toEqual([at(400).name]);
    expect(archivesToDelete([at(400)], { now, retentionDays: 30 })).toEqual([]);
    expect(archivesToDelete([], { now, retentionDays: 30 })).toEqual([]);
  });

  it('never considers a file that is not a finished archive', () => {
    const temp = { name: `.${at(90).name}.42.partial`, createdAt: at(90).createdAt };
    expect(archivesToDelete([at(0), temp], { now, retentionDays: 30 })).toEqual([]);
  });
});

describe('applyRetention on a backup directory', () => {
  let dir: string;
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('removes expired archives and day-old leftovers, keeping the newest, fresh temp files and other files', async () => {
    dir = await mkdtemp(join(tmpdir(), '9tangle-retention-'));
    const clock = manualClock(now);
    for (const a of [at(1), at(45), at(60)]) await writeFile(join(dir, a.name), 'x');
    const running = `.${archiveNameFor(now)}.77.partial`;
    const crashed = `.${at(3).name}.66.partial`;
    await writeFile(join(dir, running), 'being written');
    await writeFile(join(dir, crashed), 'left by a crash');
    // Three days before the store's clock, not the wall clock: the test must not age with the calendar.
    const old = new Date(now.getTime() - 3 * day);
    await utimes(join(dir, crashed), old, old);
    await utimes(join(dir, running), now, now);
    await writeFile(join(dir, 'notes.txt'), 'the operator keeps this here');
    const store = createArchiveStore({ dir, retentionDays: 30, clock });
    expect(await store.applyRetention()).toEqual([at(45).name, at(60).name]);
    expect((await readdir(dir)).sort()).toEqual([running, at(1).name, 'notes.txt'].sort());
    expect((await store.list()).map((a) => a.name)).toEqual([at(1).name]);
  });
});
