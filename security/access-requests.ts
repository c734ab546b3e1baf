import { randomUUID } from 'node:crypto';
import { Client } from '../apps/server/test/harness.ts';
import { QUESTIONS } from '../apps/server/test/quiz.ts';
import type { World } from './access-world.ts';
import type { Actor } from './policy/routes.ts';

/** What the matrix sends for one route as one actor. */
export interface Probe {
  url: string;
  /** Overrides the generated JSON body. */
  body?: unknown;
  /** Extra request headers. */
  headers?: Record<string, string>;
  /** Another client of the same actor (a route that ends a session runs on a second one). */
  client?: Client;
}

/** A made-up id: for resources the world does not build (the answer may be 404 for everyone). */
export const PLACEHOLDER = '00000000-0000-4000-8000-000000000000';

type Resolver = (w: World, actor: Actor) => Promise<Partial<Probe> & { params?: Record<string, string> }>;

/**
 * Routes whose request needs more than the world's shared resources: a fresh resource per call where
 * the call destroys or changes what other routes look at, a second session where it ends one.
 */
export const SPECIAL: Record<string, Resolver> = {
  'POST /api/auth/logout': async (w, actor) => ({ client: await w.secondSession(actor) }),
  'POST /api/auth/logout-all': async (w, actor) => ({ client: await w.secondSession(actor) }),
  'DELETE /api/auth/sessions/:id': async (w, actor) => {
    // Another session of the same user: the owner may end it; the id is theirs, not a placeholder.
    const other = await w.secondSession(actor);
    const list = await other.get('/api/auth/sessions');
    const id =
      list.statusCode === 200
        ? (list.json().sessions as { id: string; current: boolean }[]).find((s) => s.current)?.id
        : undefined;
    return { params: { id: id ?? PLACEHOLDER } };
  },
  'POST /api/auth/login': async (w, actor) => ({
    // A wrong password for an address nobody has: a wrong one for a real account would lock it.
    body: { email: `nobody-${Date.now().toString(36)}@example.test`, password: 'not the password at all' },
    client: actor === 'anonymous' ? undefined : await w.secondSession(actor),
  }),
  // Signing up signs the new account in: on a client of its own, so the actor stays who it is.
  'POST /api/auth/register': async (w) => ({
    client: new Client(w.t.app),
    body: {
      name: 'New Person',
      email: `new-${Date.now().toString(36)}@example.test`,
      password: 'correct horse battery staple',
    },
  }),
  // A wrong current password: the password stays, the sessions too.
  'POST /api/auth/password/change': async () => ({
    body: { currentPassword: 'not the current password', newPassword: 'another long passphrase here' },
  }),
  'POST /api/auth/email/change': async () => ({
    body: {
      newEmail: `changed-${Date.now().toString(36)}@example.test`,
      password: 'not the current password',
    },
  }),
  'POST /api/studio/courses/:id/questions': async () => ({ body: QUESTIONS[0] }),
  'PUT /api/studio/questions/:id': async () => ({ body: QUESTIONS[0] }),
  'POST /api/courses/:slug/enroll': async (w) => ({ params: { slug: w.open.slug } }),
  'POST /api/studio/courses/:id/submit': async (w) => ({ params: { id: (await w.draftOfA()).id } }),
  'POST /api/studio/courses/:id/archive': async (w) => ({ params: { id: (await w.draftOfA()).id } }),
  'POST /api/studio/courses/:id/unarchive': async (w) => ({ params: { id: (await w.draftOfA()).id } }),
  'DELETE /api/studio/sections/:id': async (w) => ({ params: { id: (await w.freshSection()).id } }),
  'DELETE /api/studio/lessons/:id': async (w) => ({ params: { id: (await w.freshLesson()).id } }),
  'DELETE /api/studio/questions/:id': async (w) => ({ params: { id: (await w.freshQuestion()).id } }),
  'DELETE /api/studio/courses/:id/instructors/:userId': async (w) => {
    const { courseId, userId } = await w.coCourseOfA();
    return { params: { id: courseId, userId } };
  },
  'POST /api/studio/courses/:id/instructors': async (w) => ({
    body: { email: (await w.instructorToInvite()).email },
  }),
  'DELETE /api/learning/courses/:slug/review': async (w) => ({ params: { slug: w.done.course.slug } }),
  'POST /api/learning/courses/:slug/review': async (w) => ({ params: { slug: w.done.course.slug } }),
  'DELETE /api/cart/items/:id': async (w) => ({ params: { id: await w.freshCartItem() } }),
  'DELETE /api/wishlist/:id': async (w) => ({ params: { id: await w.freshWish() } }),
  'POST /api/wishlist/:id/move-to-cart': async (w) => ({ params: { id: await w.freshWish() } }),
  'DELETE /api/studio/lessons/:id/file': async (w) => ({ params: { id: await w.freshLessonFile() } }),
  'DELETE /api/studio/resources/:id': async (w) => ({ params: { id: await w.freshResource() } }),
  'DELETE /api/studio/courses/:id/intro-video': async (w) => ({ params: { id: await w.freshIntroVideo() } }),
  'DELETE /api/studio/courses/:id/daily-videos/:videoId': async (w) => ({
    params: { id: w.a.course.id, videoId: await w.freshDailyVideo() },
  }),
  'POST /api/checkout/orders': async () => ({
    body: { contact: { name: 'A Buyer', email: 'buyer@example.test' }, country: 'PK', provider: 'test' },
    headers: { 'idempotency-key': randomUUID() },
  }),
  // An admin signed in as someone else is that someone for the rest of the session: a second one.
  'POST /api/admin/users/:id/impersonate': async (w, actor) => ({
    params: { id: (await w.freshUser()).id },
    client: actor === 'admin' ? await w.secondSession(actor) : undefined,
  }),
  'POST /api/admin/users/:id/anonymise': async (w) => ({ params: { id: (await w.freshUser()).id } }),
  'DELETE /api/admin/users/:id': async (w) => ({ params: { id: (await w.freshUser()).id } }),
  'POST /api/cart/items': async (w) => ({ body: { itemType: 'product', itemId: w.product.id } }),
  'POST /api/wishlist': async (w) => ({ body: { itemType: 'product', itemId: w.wishProduct.id } }),
};

/** The value of a route parameter: the owner's resource the route is about. */
export function paramFor(w: World, url: string, name: string): string {
  const m = (prefix: string) => url.startsWith(prefix);
  if (name === 'slug') {
    if (m('/api/shop/products/')) return w.product.slug;
    if (m('/api/instructors/')) return w.instructorSlug;
    return w.a.course.slug;
  }
  if (name === 'code') return w.certificate.code;
  if (name === 'number') return w.order.number;
  if (name === 'videoId') return w.dailyVideo.id;
  if (name === 'userId') return w.people.instructor.user.id;
  if (name !== 'id') return PLACEHOLDER;
  if (m('/api/studio/courses/')) return w.a.course.id;
  if (m('/api/studio/sections/')) return w.a.section.id;
  if (m('/api/studio/lessons/') && url.endsWith('/quiz')) return w.a.quiz.id;
  if (m('/api/studio/lessons/') && /\/(media|file|resources)/.test(url)) return w.media.lessonId;
  if (m('/api/studio/lessons/')) return w.a.lesson.id;
  if (m('/api/studio/questions/')) return w.a.questions[0]?.id ?? PLACEHOLDER;
  if (m('/api/studio/quiz-attempts/') || m('/api/learning/quiz-attempts/')) return w.attempt.id;
  if (m('/api/studio/reviews/')) return w.review.id;
  if (m('/api/studio/resources/')) return w.media.resourceId;
  if (m('/api/learning/lessons/') && url.includes('/quiz')) return w.a.quiz.id;
  if (m('/api/learning/lessons/')) return w.a.lesson.id;
  if (m('/api/files/media/')) return w.media.fileId;
  if (m('/api/cart/items/')) return w.cartItemId;
  if (m('/api/wishlist/')) return w.wish.id;
  if (m('/api/admin/users/')) return w.victim.id;
  if (m('/api/admin/courses/')) return w.open.id;
  if (m('/api/admin/products/')) return w.product.id;
  return PLACEHOLDER;
}

/** Field names in bodies that take one of the world's ids. */
export function idFieldFor(w: World): (field: string) => string | undefined {
  return (field) => {
    switch (field) {
      case 'courseId':
        return w.a.course.id;
      case 'lessonId':
        return w.a.lesson.id;
      case 'sectionId':
        return w.a.section.id;
      case 'productId':
      case 'itemId':
        return w.product.id;
      case 'questionId':
        return w.a.questions[0]?.id;
      case 'userId':
        return w.people.student.user.id;
      default:
        return undefined;
    }
  };
}
