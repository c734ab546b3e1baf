import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../e2e/support/server.ts';

/**
 * Issue 7: sqlmap and wapiti (Debian packages; .ci/run installs them) against a built server, as a
 * signed-in admin (the session cookie), each within a time budget: zero confirmed findings. Outside
 * CI a machine without them skips this file; in CI (CI=true) a missing scanner fails it.
 */
const has = (bin: string) => spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0;
const available = has('sqlmap') && has('wapiti');
if (process.env.CI && !available) throw new Error('sqlmap and wapiti must be installed in CI (.ci/run)');
const SCAN_SECONDS = Number(process.env.SCANNER_SECONDS ?? 100);
const ADMIN = { email: 'admin@scanners.test', password: 'admin password for scanners' };

let server: RunningServer;
let work: string;
let cookie: string;
let csrf: string;
beforeAll(async () => {
  if (!available) return;
  work = mkdtempSync(join(tmpdir(), '9tangle-scan-'));
  server = await startServer(
    {
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      SEED_DEMO: 'true',
      RATE_LIMIT_API_MAX: '1000000',
      RATE_LIMIT_API_USER_MAX: '1000000',
      RATE_LIMIT_AUTH_MAX: '1000000',
      LOGIN_MAX_FAILURES_PER_IP: '1000000',
    },
    { readyMs: 240_000 },
  );
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify(ADMIN),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const jar = res.headers.getSetCookie().map((c) => c.split(';')[0] as string);
  cookie = jar.join('; ');
  csrf = (jar.find((c) => c.startsWith('csrf_token=')) ?? '').slice('csrf_token='.length);
}, 300_000);
afterAll(async () => {
  await server?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

/**
 * What wapiti's session database (SQLite, read with the Python it runs on) holds: the URLs and forms
 * crawled, and per attack module the resources it finished attacking within its time.
 */
function sessionCounts(dir: string): { crawled: number; attacked: Record<string, number> } {
  const script = [
    'import glob, json, sqlite3, sys',
    'db = sqlite3.connect(glob.glob(sys.argv[1] + "/*.db")[0])',
    'one = lambda q: db.execute(q).fetchone()[0]',
    'done = dict(db.execute("select module_name, count(*) from attack_log group by module_name").fetchall())',
    'print(json.dumps({"crawled": one("select count(*) from paths"), "attacked": done}))',
  ].join('\n');
  const out = spawnSync('python3', ['-c', script, dir], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`reading wapiti's session failed: ${out.stderr}`);
  return JSON.parse(out.stdout);
}

/** Run a scanner, killed at `seconds`; its whole output. */
function run(cmd: string, args: string[], seconds: number): Promise<{ out: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: work, stdio: ['pipe', 'pipe', 'pipe'] });
    // Only an interrupted wapiti is answered on its input (below); anything else reads end of file.
    if (cmd !== 'wapiti') child.stdin.end();
    let out = '';
    let timedOut = false;
    child.stdout.on('data', (d) => {
      out += String(d);
    });
    child.stderr.on('data', (d) => {
      out += String(d);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGINT');
      // Interrupted, wapiti asks what to do: "r" stops and writes the report of what it has done.
      setTimeout(() => child.stdin.end('r\n'), 1_000).unref();
      setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
    }, seconds * 1000);
    child.on('close', () => {
      clearTimeout(timer);
      resolve({ out, timedOut });
    });
  });
}

describe.skipIf(!available)('scanners, signed in as an admin', () => {
  it('sqlmap confirms no injection in the API query parameters and JSON bodies', async () => {
    const u = server.url;
    // The API's inputs that reach SQL: searches, filters, sorts, ids, slugs; GET and JSON POST.
    const targets = [
      `${u}/api/courses?q=python&sort=newest&category=x&level=beginner&limit=5`,
      `${u}/api/shop/products?q=book&sort=newest&category=x&limit=5`,
      `${u}/api/admin/users?q=admin&role=student&page=1&limit=5`,
      `${u}/api/admin/orders?q=ORD&status=paid&page=1&limit=5`,
      `${u}/api/admin/audit?action=x&page=1&limit=5`,
      `${u}/api/admin/mail?to=a%40b.test&page=1&limit=5`,
      `${u}/api/courses/intro-to-python`,
      `${u}/api/courses/intro-to-python/reviews?page=1&limit=5`,
      `${u}/api/content/about`,
    ];
    const bulk = join(work, 'targets.txt');
    writeFileSync(bulk, `${targets.join('\n')}\n`);
    const common = [
      '--batch',
      `--cookie=${cookie}`,
      `--headers=x-csrf-token: ${csrf}`,
      '--level=2',
      '--risk=1',
      '--threads=4',
      '--technique=BEUT',
      '--time-sec=2',
      '--timeout=10',
      '--retries=0',
      `--output-dir=${join(work, 'sqlmap')}`,
      '--flush-session',
      '--disable-coloring',
    ];
    const half = Math.floor(SCAN_SECONDS / 2);
    const gets = await run('sqlmap', ['-m', bulk, ...common], half);
    const post = await run(
      'sqlmap',
      [
        '-u',
        `${u}/api/auth/login`,
        '--data={"email":"someone@example.test","password":"a password of ten"}',
        '--method=POST',
        ...common,
      ],
      half,
    );
    const out = gets.out + post.out;
    const tested = (out.match(/testing '/g) ?? []).length;
    const confirmed =
      out.match(/identified the following injection point|is vulnerable|appears to be '.*' injectable/gi) ??
      [];
    console.log(
      `sqlmap: ${JSON.stringify({ targets: targets.length + 1, techniquesTried: tested, confirmed: confirmed.length, timedOut: gets.timedOut || post.timedOut })}`,
    );
    expect(out).not.toMatch(/connection refused|unable to connect/i);
    expect(tested).toBeGreaterThan(0);
    expect(confirmed).toEqual([]);
  }, 300_000);

  it('wapiti finds no injection, XSS, traversal, redirect or command execution in an authenticated crawl', async () => {
    const report = join(work, 'wapiti.json');
    const res = await run(
      'wapiti',
      [
        '-u',
        `${server.url}/`,
        '--scope',
        'folder',
        '-H',
        `Cookie: ${cookie}`,
        '-H',
        `x-csrf-token: ${csrf}`,
        // wapiti 3.0.4 asks for brotli but cannot decode it without Python's brotli module: every page
        // read as binary, so the crawl stopped at the first one (found by the crawl count below).
        '-H',
        'Accept-Encoding: gzip, deflate',
        // No `-x` exclusion: wapiti 3.0.4 builds a broken regular expression from it (re.error). Signing
        // out is a POST with the CSRF header from a script, which a crawl of the HTML never finds.
        '-m',
        'sql,blindsql,xss,permanentxss,exec,file,redirect,crlf,xxe',
        '-d',
        '3',
        '--max-links-per-page',
        '40',
        // wapiti's scan time bounds only the crawl; each of the nine modules then has its own time.
        '--max-scan-time',
        String(Math.floor(SCAN_SECONDS * 0.3)),
        '--max-attack-time',
        String(Math.floor((SCAN_SECONDS * 0.7) / 9)),
        '-t',
        '10',
        '-f',
        'json',
        '-o',
        report,
        '--flush-session',
        '--store-session',
        join(work, 'wapiti-session'),
        '-v',
        '1',
      ],
      SCAN_SECONDS + 120,
    );
    expect(existsSync(report), res.out.slice(-2000)).toBe(true);
    const parsed = JSON.parse(readFileSync(report, 'utf8')) as {
      vulnerabilities: Record<string, unknown[]>;
      anomalies?: Record<string, unknown[]>;
      infos?: { crawled_pages?: unknown[] };
    };
    const found = Object.entries(parsed.vulnerabilities).filter(([, list]) => list.length > 0);
    const anomalies = Object.entries(parsed.anomalies ?? {}).filter(([, list]) => list.length > 0);
    const scan = sessionCounts(join(work, 'wapiti-session'));
    console.log(
      `wapiti: ${JSON.stringify({ ...scan, vulnerabilities: found.length, anomalies: anomalies.length, timedOut: res.timedOut })}`,
    );
    // A crawl that stops early finds nothing to attack and reports nothing: the demo academy's signed-in
    // pages, courses, lessons, shop and filters are well over a hundred URLs and forms.
    expect(scan.crawled, res.out.slice(-2000)).toBeGreaterThan(100);
    expect(Object.values(scan.attacked).reduce((a, n) => a + n, 0)).toBeGreaterThan(0);
    expect(found).toEqual([]);
    expect(anomalies).toEqual([]);
  }, 600_000);
});
