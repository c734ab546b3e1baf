import { describe, expect, it } from 'vitest';
import { createSessionCache, type LiveSession } from './session-cache.ts';

const row = (userId: string, sessionId = `s-${userId}`): LiveSession => ({
  session: {
    id: sessionId,
    lastSeenAt: new Date('2026-12-01T10:00:00Z'),
    expiresAt: new Date('2026-12-31T00:00:00Z'),
    impersonatorId: null,
  },
  user: {
    id: userId,
    email: `${userId}@example.test`,
    name: userId,
    role: 'student',
    emailVerifiedAt: null,
    totpEnabledAt: null,
    suspendedAt: null,
    phone: null,
    avatarKey: null,
    createdAt: new Date('2026-01-01T00:00:00Z'),
  },
});

describe('the session cache', () => {
  it('keeps nothing and gives nothing while the announcements are not heard', () => {
    const c = createSessionCache();
    c.keep('h1', row('u1'), c.mark());
    expect(c.get('h1')).toBeUndefined();
    c.up();
    c.keep('h1', row('u1'), c.mark());
    expect(c.get('h1')?.user.id).toBe('u1');
    c.down();
    expect(c.get('h1')).toBeUndefined();
    // Back up, it starts empty: announcements may have been missed while down.
    c.up();
    expect([c.get('h1'), c.size]).toEqual([undefined, 0]);
  });

  it('drops every session of a user on a change to them, and only theirs', () => {
    const c = createSessionCache();
    c.up();
    c.keep('a1', row('a', 'sa1'), c.mark());
    c.keep('a2', row('a', 'sa2'), c.mark());
    c.keep('b1', row('b'), c.mark());
    c.heard('a');
    expect([c.get('a1'), c.get('a2'), c.get('b1')?.user.id]).toEqual([undefined, undefined, 'b']);
    c.forgetUser('b');
    expect(c.get('b1')).toBeUndefined();
  });

  it('drops everything on `*` (a table truncated)', () => {
    const c = createSessionCache();
    c.up();
    c.keep('a1', row('a'), c.mark());
    c.keep('b1', row('b'), c.mark());
    c.heard('*');
    expect(c.size).toBe(0);
  });

  it('does not keep a row read before a change was heard (the read may predate it)', () => {
    const c = createSessionCache();
    c.up();
    const mark = c.mark();
    c.heard('someone');
    c.keep('a1', row('a'), mark);
    expect(c.get('a1')).toBeUndefined();
    // Nor a row whose read began before hearing stopped and started again.
    const before = c.mark();
    c.down();
    c.up();
    c.keep('a1', row('a'), before);
    expect(c.get('a1')).toBeUndefined();
  });

  it('keeps a bounded number, the least recently used going first, and forgets them by user still', () => {
    const c = createSessionCache({ max: 2 });
    c.up();
    c.keep('a1', row('a'), c.mark());
    c.keep('b1', row('b'), c.mark());
    c.get('a1');
    c.keep('c1', row('c'), c.mark());
    expect([c.get('a1')?.user.id, c.get('b1'), c.get('c1')?.user.id]).toEqual(['a', undefined, 'c']);
    // A token kept again (a fresh read) replaces its row and stays indexed under its user.
    c.keep('a1', row('a'), c.mark());
    c.heard('a');
    expect(c.get('a1')).toBeUndefined();
  });
});
