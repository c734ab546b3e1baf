import { linkTokenIn } from '../apps/server/test/harness.ts';
import { waitForMail } from '../apps/server/test/mail.ts';
import { SECRETS } from '../apps/server/test/quiz.ts';
import { signInAs } from '../apps/server/test/sign-in.ts';
import type { World } from './access-world.ts';
import { ACTORS, type Actor, TEACHES } from './policy/routes.ts';

/** Known secret values planted in the world: the matrix's answers must hold none of them. */
export interface Canaries {
  /** Each actor's raw session token and CSRF token. */
  sessions: Partial<Record<Actor, { token: string; csrf: string }>>;
  /** A password-reset token mailed to the victim (stored hashed). */
  resetToken: string;
  /** The victim's TOTP secret (set up, stored encrypted). */
  totpSecret: string;
  /** Every person's address, by who owns it. */
  emails: Partial<Record<Actor | 'victim', string>>;
}

export async function plantCanaries(w: World): Promise<Canaries> {
  const cookieName = w.t.config.session.cookieName;
  const sessions: Canaries['sessions'] = {};
  for (const actor of ACTORS) {
    const c = w.actors[actor];
    const token = c.cookies.get(cookieName);
    if (token) sessions[actor] = { token, csrf: c.csrf ?? '' };
  }
  const forgot = await w.actors.anonymous.post('/api/auth/password/forgot', { email: w.victim.email });
  if (forgot.statusCode >= 300) throw new Error(`forgot: ${forgot.body}`);
  // Written after the answer on purpose (the time of an answer must not tell whether the address exists).
  const resetToken = linkTokenIn((await waitForMail(w.t, w.victim.email, 'resetPassword')).text);
  const victim = await signInAs(w.t, w.victim);
  const setup = await victim.post('/api/auth/2fa/setup');
  if (setup.statusCode !== 200) throw new Error(`2fa setup: ${setup.body}`);
  const totpSecret = setup.json().secret as string;
  const emails: Canaries['emails'] = { victim: w.victim.email };
  for (const [who, p] of Object.entries(w.people)) emails[who as Actor] = p.user.email;
  return { sessions, resetToken, totpSecret, emails };
}

/**
 * Whose address an actor may read: their own; an admin, everyone's (the back office); an instructor,
 * the students of their courses (the studio's student list and gradebook).
 */
function mayReadEmailOf(actor: Actor, owner: Actor | 'victim'): boolean {
  if (actor === owner || actor === 'admin') return true;
  return actor === 'instructor' && owner === 'student';
}

export function findLeaks(
  answers: { route: string; actor: Actor; status: number; body: string }[],
  c: Canaries,
): string[] {
  const leaks = new Set<string>();
  // After the student submits their attempt, its review shows the key to them (the quiz allows it).
  const submitted = answers.findIndex(
    (a) => a.actor === 'student' && a.route.endsWith('/quiz-attempts/:id/submit') && a.status < 300,
  );
  answers.forEach((a, i) => {
    const body = a.body;
    const at = `${a.route} as ${a.actor}`;
    if (body.includes('$argon2')) leaks.add(`${at}: a password hash`);
    for (const [owner, s] of Object.entries(c.sessions)) {
      if (s?.token && body.includes(s.token)) leaks.add(`${at}: the session token of ${owner}`);
      if (owner !== a.actor && s?.csrf && body.includes(s.csrf))
        leaks.add(`${at}: the CSRF token of ${owner}`);
    }
    if (body.includes(c.resetToken)) leaks.add(`${at}: a password-reset token`);
    if (body.includes(c.totpSecret)) leaks.add(`${at}: a TOTP secret`);
    for (const [owner, email] of Object.entries(c.emails)) {
      if (
        email &&
        body.toLowerCase().includes(email.toLowerCase()) &&
        !mayReadEmailOf(a.actor, owner as Actor)
      )
        leaks.add(`${at}: the email of ${owner}`);
    }
    const teaches = TEACHES.includes(a.actor);
    const afterOwnSubmit = a.actor === 'student' && submitted >= 0 && i >= submitted;
    if (!teaches && !afterOwnSubmit) {
      for (const secret of [
        SECRETS.explanation,
        SECRETS.accepted,
        'PATTERNSECRETqx',
        String(SECRETS.numeric),
      ])
        if (body.includes(secret)) leaks.add(`${at}: a quiz answer key or explanation (${secret})`);
      if (/"(isCorrect|correct|answer)"\s*:/.test(body) && /quiz|question/.test(a.route))
        leaks.add(`${at}: a correctness field of a question`);
    }
  });
  return [...leaks];
}
