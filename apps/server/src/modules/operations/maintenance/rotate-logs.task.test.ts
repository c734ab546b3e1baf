import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../platform/clock.ts';
import { localDay, rotateLogs } from './rotate-logs.task.ts';
import type { TaskContext } from './task.ts';

const DAY = 86_400_000;
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function ctx(dir: string | null): TaskContext {
  return {
    // rotate_logs touches files only.
    database: null as never,
    clock: systemClock,
    config: {
      session: { idleMs: 0, absoluteMs: 0, cookieName: 'session', secureCookie: false },
      log: { level: 'info', dir },
      operations: { archive: { ordersAfterDays: 365, eventsAfterDays: 180 } },
    },
    log: { info: () => undefined, warn: () => undefined } as never,
    batchSize: 10,
  };
}

function file(dir: string, name: string, content: string, ageMs: number) {
  const path = join(dir, name);
  writeFileSync(path, content);
  const at = new Date(Date.now() - ageMs);
  utimesSync(path, at, at);
  return path;
}

describe('maintenance.rotate_logs', () => {
  it('gzips earlier days, removes files past 14 days, never touches today’s file or other files', async () => {
    const root = mkdtempSync(join(tmpdir(), 'logs-'));
    dirs.push(root);
    const instance = join(root, 'web-2');
    mkdirSync(instance);
    const today = localDay(new Date());
    const twoDaysAgo = localDay(new Date(Date.now() - 2 * DAY));
    const yesterday = localDay(new Date(Date.now() - DAY));
    const lines = '{"level":30,"msg":"hello"}\n'.repeat(500);
    file(root, `access.${today}.1`, 'current\n', 0);
    // Today's error file may be old (nothing failed today): its name says it is current.
    file(root, `error.${today}.1`, 'quiet\n', 0);
    file(root, `access.${twoDaysAgo}.1`, lines, 2 * DAY);
    file(root, `access.${twoDaysAgo}.2`, 'second file of that day\n', 2 * DAY - 60_000);
    file(root, `error.${localDay(new Date(Date.now() - 20 * DAY))}.1`, 'ancient\n', 20 * DAY);
    file(root, 'access.3', 'undated, from before dated names\n', 3 * DAY);
    file(root, 'access.9.gz', 'compressed long ago', 15 * DAY);
    file(root, 'notes.txt', 'not a log\n', 30 * DAY);
    file(instance, `access.${yesterday}.4`, lines, DAY + 2 * 3_600_000);

    const result = await rotateLogs(ctx(root));
    expect(result).toMatchObject({
      logDir: root,
      directories: 2,
      compressed: 4,
      removed: 2,
      retentionDays: 14,
    });
    expect((result.bytesAfter as number) < (result.bytesBefore as number)).toBe(true);
    expect(readdirSync(root).sort()).toEqual(
      [
        'access.3.gz',
        `access.${today}.1`,
        `access.${twoDaysAgo}.1.gz`,
        `access.${twoDaysAgo}.2.gz`,
        `error.${today}.1`,
        'notes.txt',
        'web-2',
      ].sort(),
    );
    expect(readdirSync(instance)).toEqual([`access.${yesterday}.4.gz`]);
    expect(gunzipSync(readFileSync(join(root, `access.${twoDaysAgo}.1.gz`))).toString()).toBe(lines);
    // Retention counts from the last line written, not from the compression.
    const mtime = statSync(join(root, `access.${twoDaysAgo}.1.gz`)).mtimeMs;
    expect(Math.abs(mtime - (Date.now() - 2 * DAY))).toBeLessThan(5_000);

    // Twice: nothing more to do.
    expect(await rotateLogs(ctx(root))).toMatchObject({ compressed: 0, removed: 0 });
  });

  it('keeps both copies when a name was used twice (undated numbering restarts)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'logs-'));
    dirs.push(root);
    file(root, 'error.2.gz', 'older copy', DAY);
    file(root, 'error.2', 'newer copy\n', 3 * DAY);
    expect(await rotateLogs(ctx(root))).toMatchObject({ compressed: 1 });
    expect(readdirSync(root).sort()).toEqual(['error.2-2.gz', 'error.2.gz']);
    expect(gunzipSync(readFileSync(join(root, 'error.2-2.gz'))).toString()).toBe('newer copy\n');
  });

  it('reports that there is nothing to do without a log directory, and copes with a missing one', async () => {
    expect(await rotateLogs(ctx(null))).toMatchObject({ logDir: null });
    expect(await rotateLogs(ctx(join(tmpdir(), 'no-such-logs-dir-9t')))).toMatchObject({
      compressed: 0,
      removed: 0,
    });
  });
});
