import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const secret32 = 'x'.repeat(32);

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('loadConfig', () => {
  it('lists every bad key at once', () => {
    const problems = problemsOf({
      NODE_ENV: 'production',
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      DATABASE_URL: 'not a url',
    });
    expect(problems.join('\n')).toMatch(/PORT/);
    expect(problems.join('\n')).toMatch(/LOG_LEVEL/);
    expect(problems.join('\n')).toMatch(/DATABASE_URL/);
  });

  it('keeps Redis keys under REDIS_KEY_PREFIX, of safe characters only', () => {
    const c = loadConfig({ REDIS_URL: 'redis://cache:6379', REDIS_KEY_PREFIX: 'academy-2:' });
    expect(c.redis).toEqual({ url: 'redis://cache:6379', keyPrefix: 'academy-2:' });
    expect(problemsOf({ REDIS_URL: 'redis://cache:6379', REDIS_KEY_PREFIX: 'two words' }).join('\n')).toMatch(
      /REDIS_KEY_PREFIX/,
    );
  });

  it('requires SESSION_SECRET outside development', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      expect.stringMatching(/^SESSION_SECRET: required/),
    ]);
  });

  it('refuses a 31-byte SESSION_SECRET with the reason', () => {
    const problems = problemsOf({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(31) });
    expect(problems).toEqual([expect.stringContaining('SESSION_SECRET: must be at least 32 bytes, got 31')]);
  });

  it('accepts a 32-byte secret and derives the nested config', () => {
    const c = loadConfig({
      NODE_ENV: 'production',
      SESSION_SECRET: secret32,
      PUBLIC_URL: 'https://academy.example',
      DATABASE_URL: 'postgres://u@db/lms',
      REDIS_URL: 'redis://cache:6379',
      CORS_ORIGINS: 'https://a.example, https://b.example',
    });
    expect(c.db).toEqual({ kind: 'postgres', url: 'postgres://u@db/lms', poolMax: 10 });
    expect(c.redis).toEqual({ url: 'redis://cache:6379', keyPrefix: '9t:' });
    expect(c.session.cookieName).toBe('__Host-session');
    expect(c.session.secureCookie).toBe(true);
    expect(c.http.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(c.rateLimit.apiMax).toBe(100);
    expect(c.rateLimit.apiWindowMs).toBe(15 * 60_000);
  });

  it('reads the upload limits and the site time zone, with defaults, and refuses bad ones', () => {
    const base = { NODE_ENV: 'production', SESSION_SECRET: secret32 };
    const c = loadConfig(base);
    expect(c.uploads).toEqual({
      videoMaxBytes: 1024 ** 3,
      pdfMaxBytes: 50 * 1024 ** 2,
      resourceMaxBytes: 100 * 1024 ** 2,
    });
    expect(c.siteTimeZone).toBe('Asia/Karachi');
    expect(
      loadConfig({ ...base, SITE_TIME_ZONE: 'Europe/London', UPLOAD_PDF_MAX_BYTES: '2048' }),
    ).toMatchObject({
      siteTimeZone: 'Europe/London',
      uploads: { pdfMaxBytes: 2048 },
    });
    const problems = problemsOf({
      ...base,
      SITE_TIME_ZONE: 'Mars/Olympus',
      UPLOAD_VIDEO_MAX_BYTES: '3000000000',
      UPLOAD_RESOURCE_MAX_BYTES: 'lots',
    }).join('\n');
    expect(problems).toMatch(/SITE_TIME_ZONE: Use an IANA time zone name/);
    expect(problems).toMatch(/UPLOAD_VIDEO_MAX_BYTES/);
    expect(problems).toMatch(/UPLOAD_RESOURCE_MAX_BYTES/);
  });

  it('generates a development secret once and keeps it in DATA_DIR', () => {
    const dir = mkdtempSync(join(tmpdir(), '9t-cfg-'));
    const a = loadConfig({ NODE_ENV: 'development', DATA_DIR: dir });
    const b = loadConfig({ NODE_ENV: 'development', DATA_DIR: dir });
    expect(a.secrets.session.length).toBeGreaterThanOrEqual(32);
    expect(b.secrets.session).toBe(a.secrets.session);
    expect(a.db).toEqual({ kind: 'pglite', dir: join(dir, 'pglite') });
  });
});

describe('booting the server', () => {
  it('fails with a clear message when SESSION_SECRET is 31 bytes outside development', () => {
    const main = fileURLToPath(new URL('./main.ts', import.meta.url));
    const tsx = fileURLToPath(new URL('../../../node_modules/tsx/dist/cli.mjs', import.meta.url));
    const r = spawnSync(process.execPath, [tsx, main], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        SESSION_SECRET: 'y'.repeat(31),
        DATA_DIR: mkdtempSync(join(tmpdir(), '9t-boot-')),
      },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('9tangle cannot start');
    expect(r.stderr).toContain('SESSION_SECRET: must be at least 32 bytes, got 31');
    expect(r.stderr).not.toContain('    at '); // a message, not a stack trace
  });
});
