import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger, redactUrl } from './logger.ts';

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('createLogger', () => {
  it('writes an access log and an errors-only log in LOG_DIR, with secrets redacted', async () => {
    const dir = mkdtempSync(join(tmpdir(), '9t-logs-'));
    const log = createLogger({ level: 'info', dir });
    log.info(
      { req: { method: 'GET', url: '/x?token=abc123secret', headers: { cookie: 'session=zzz' } } },
      'hello',
    );
    log.error({ password: 'hunter2hunter2' }, 'boom');
    const read = (prefix: string) =>
      readdirSync(dir)
        .filter((f) => f.startsWith(prefix))
        .map((f) => readFileSync(join(dir, f), 'utf8'))
        .join('');
    await until(() => read('error').includes('boom') && read('access').includes('hello'));
    expect(read('error')).not.toContain('hello');
    const all = read('access') + read('error');
    expect(all).not.toContain('abc123secret');
    expect(all).not.toContain('hunter2hunter2');
    expect(all).not.toContain('session=zzz');
  });
});

describe('redactUrl', () => {
  it('hides the values of sensitive query parameters only', () => {
    expect(redactUrl('/reset-password?token=abc&setup=1')).toBe(
      '/reset-password?token=%5BREDACTED%5D&setup=1',
    );
    expect(redactUrl('/courses?page=2')).toBe('/courses?page=2');
    expect(redactUrl('/x')).toBe('/x');
  });
});
