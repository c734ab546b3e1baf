/** A signed-in browser: its cookie header and the CSRF token its writes carry. */
export interface Session {
  email: string;
  cookie: string;
  csrf: string;
}

/** Sign in through the API, as the login page does. */
export async function signIn(url: string, email: string, password: string): Promise<Session> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  const cookies = new Map<string, string>();
  for (const c of res.headers.getSetCookie()) {
    const pair = c.split(';')[0] ?? '';
    const i = pair.indexOf('=');
    if (i > 0) cookies.set(pair.slice(0, i), pair.slice(i + 1));
  }
  const csrf = cookies.get('csrf_token');
  if (!csrf) throw new Error('the sign-in set no CSRF cookie');
  return { email, csrf, cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
}

/** Sign in many, a few at a time (each sign-in hashes a password on the server). */
export async function signInAll(
  url: string,
  emails: string[],
  password: string,
  concurrency = 4,
): Promise<Session[]> {
  const out: Session[] = new Array(emails.length);
  let i = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (i < emails.length) {
        const k = i++;
        out[k] = await signIn(url, emails[k] as string, password);
      }
    }),
  );
  return out;
}
