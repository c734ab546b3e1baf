/**
 * The access policy of every route: who may call it, and why. `security/access-matrix.test.ts` sends
 * every route of `app.routeTable` as each actor below and checks the answer against this table: a
 * route missing here fails the build, and so does any allow the table does not grant (or a denial of
 * an actor it grants).
 *
 * The actors, and the resources a request names (always the owner's, so a wrong allow is visible):
 * - `anonymous`: no session. `suspended`: a student signed in, then suspended (the session dies with
 *   the suspension: the app treats them as anonymous).
 * - `unverified`: signed in, address not verified.
 * - `student`: verified, enrolled in course A; owns the order, cart, wishlist, review, quiz attempt and
 *   certificate the requests name. `otherStudent`: verified, enrolled in course B only.
 * - `instructor`: teaches course A (its sections, lessons, quiz, files, reviews, students).
 *   `otherInstructor`: teaches course B only.
 * - `admin`: the back office (2FA not required by the test configuration).
 *
 * A denial is 401 for a caller without a session, and 403 or 404 for a signed-in one (404 where the
 * app does not tell that the resource exists). An allowed call may still refuse the request for a
 * reason that is not access (400 bad body, 409 wrong state): the matrix only requires that it is not
 * a denial.
 */
export const ACTORS = [
  'anonymous',
  'suspended',
  'unverified',
  'student',
  'otherStudent',
  'instructor',
  'otherInstructor',
  'admin',
] as const;
export type Actor = (typeof ACTORS)[number];

/** Who a rule admits. */
export const EVERYONE: readonly Actor[] = ACTORS;
/** Any live session (a suspended user's session is dead). */
export const SIGNED_IN: readonly Actor[] = [
  'unverified',
  'student',
  'otherStudent',
  'instructor',
  'otherInstructor',
  'admin',
];
/** A live session with a verified address. */
export const VERIFIED: readonly Actor[] = SIGNED_IN.filter((a) => a !== 'unverified');
/** The instructor role (or admin): the studio's own lists. */
export const STAFF: readonly Actor[] = ['instructor', 'otherInstructor', 'admin'];
/** Teaches course A, or an admin (who may edit any course). */
export const TEACHES: readonly Actor[] = ['instructor', 'admin'];
/** The student who owns the named resource (their order, cart, attempt, certificate). */
export const OWNER: readonly Actor[] = ['student'];
/** The back office only. */
export const ADMIN: readonly Actor[] = ['admin'];

/** Nobody of the actors (a route closed by a credential none of them holds). */
export const NOBODY: readonly Actor[] = [];

export interface RoutePolicy {
  /** The actors allowed to call the route on the resources the request names. */
  allow: readonly Actor[];
  /** Why: the condition, in words a reviewer can check against the code. */
  why: string;
  /**
   * Error codes that are the route's own answer to the probe an allowed actor sends (a wrong password
   * on the sign-in form), not an access denial, though their status is 401, 403 or 404.
   */
  refusals?: readonly string[];
}

const p = (allow: readonly Actor[], why: string, refusals?: readonly string[]): RoutePolicy => ({
  allow,
  why,
  ...(refusals ? { refusals } : {}),
});

/** Every non-admin route; the admin API (`/api/admin/*`) is one rule below. */
export const ROUTES: Record<string, RoutePolicy> = {
  'OPTIONS *': p(NOBODY, 'CORS preflight: only from CORS_ORIGINS, none in this configuration (404)'),
  // API docs
  'GET /api/docs': p(EVERYONE, 'public API documentation'),
  'GET /api/docs/static/index.html': p(EVERYONE, 'public API documentation'),
  'GET /api/docs/static/swagger-initializer.js': p(EVERYONE, 'public API documentation'),
  'GET /api/docs/json': p(EVERYONE, 'public API documentation'),
  'GET /api/docs/yaml': p(EVERYONE, 'public API documentation'),
  'GET /api/docs/static/*': p(EVERYONE, 'public API documentation'),
  // Identity
  'GET /api/auth/me': p(SIGNED_IN, 'who am I (a visitor: 401)'),
  'POST /api/auth/register': p(EVERYONE, 'sign up'),
  'POST /api/auth/verify-email': p(
    EVERYONE,
    'the mailed code or link: it names the account, no session needed',
  ),
  'POST /api/auth/verify-email/resend': p(EVERYONE, 'a new code to an address: always 202, tells nothing'),
  'POST /api/auth/login': p(EVERYONE, 'sign in (the probe’s wrong password: 401 invalid_credentials)', [
    'invalid_credentials',
  ]),
  'POST /api/auth/login/2fa': p(
    EVERYONE,
    'the second step of a sign-in (the probe’s made-up challenge: 401)',
    ['mfa_invalid_challenge'],
  ),
  'POST /api/auth/logout': p(SIGNED_IN, 'own session'),
  'POST /api/auth/logout-all': p(SIGNED_IN, 'own sessions'),
  'GET /api/auth/sessions': p(SIGNED_IN, 'own sessions'),
  'DELETE /api/auth/sessions/:id': p(SIGNED_IN, 'own session (another user’s: 404)'),
  'POST /api/auth/password/forgot': p(EVERYONE, 'always 200, whoever the address'),
  'POST /api/auth/password/reset': p(EVERYONE, 'the mailed reset token'),
  'POST /api/auth/password/change': p(SIGNED_IN, 'own password, current one required'),
  'POST /api/auth/email/change': p(SIGNED_IN, 'own address, password required'),
  'POST /api/auth/email/confirm': p(SIGNED_IN, 'the mailed code or link, in the session that asked for it'),
  'POST /api/auth/2fa/setup': p(SIGNED_IN, 'own 2FA'),
  'POST /api/auth/2fa/enable': p(SIGNED_IN, 'own 2FA'),
  'POST /api/auth/2fa/disable': p(SIGNED_IN, 'own 2FA'),
  'POST /api/auth/2fa/recovery-codes': p(SIGNED_IN, 'own 2FA'),
  'PATCH /api/account/profile': p(SIGNED_IN, 'own profile'),
  'POST /api/account/avatar': p(SIGNED_IN, 'own avatar'),
  'GET /api/files/avatars/:name': p(EVERYONE, 'avatars are public'),
  'POST /api/auth/impersonation/stop': p(SIGNED_IN, 'ends a "sign in as" (409 when there is none)'),
  // Catalog
  'GET /api/categories': p(EVERYONE, 'public catalog'),
  'GET /api/courses': p(EVERYONE, 'public catalog'),
  'GET /api/courses/:slug': p(EVERYONE, 'a published course'),
  'GET /api/instructors/:slug': p(EVERYONE, 'a public instructor page'),
  'GET /api/files/thumbnails/:name': p(EVERYONE, 'course thumbnails are public'),
  'GET /api/featured-courses': p(EVERYONE, 'public catalog'),
  'GET /sitemap.xml': p(EVERYONE, 'public'),
  'GET /robots.txt': p(EVERYONE, 'public'),
  // Studio: courses, curriculum, instructors, media
  'GET /api/studio/courses': p(STAFF, 'own courses (an admin: all)'),
  'GET /api/studio/publishing': p(STAFF, 'own publishing rule'),
  'POST /api/studio/courses': p(STAFF, 'a new course of their own'),
  'GET /api/studio/courses/:id': p(TEACHES, 'teaches the course'),
  'PATCH /api/studio/courses/:id': p(TEACHES, 'teaches the course'),
  'POST /api/studio/courses/:id/submit': p(TEACHES, 'teaches the course'),
  'POST /api/studio/courses/:id/archive': p(TEACHES, 'teaches the course'),
  'POST /api/studio/courses/:id/unarchive': p(TEACHES, 'teaches the course'),
  'GET /api/studio/courses/:id/audit': p(TEACHES, 'teaches the course'),
  'POST /api/studio/courses/:id/thumbnail': p(TEACHES, 'teaches the course'),
  'POST /api/studio/courses/:id/sections': p(TEACHES, 'teaches the course'),
  'POST /api/studio/courses/:id/sections/reorder': p(TEACHES, 'teaches the course'),
  'PATCH /api/studio/sections/:id': p(TEACHES, 'teaches the section’s course'),
  'DELETE /api/studio/sections/:id': p(TEACHES, 'teaches the section’s course'),
  'POST /api/studio/sections/:id/lessons': p(TEACHES, 'teaches the section’s course'),
  'POST /api/studio/sections/:id/lessons/reorder': p(TEACHES, 'teaches the section’s course'),
  'GET /api/studio/lessons/:id': p(TEACHES, 'teaches the lesson’s course'),
  'PATCH /api/studio/lessons/:id': p(TEACHES, 'teaches the lesson’s course'),
  'DELETE /api/studio/lessons/:id': p(TEACHES, 'teaches the lesson’s course'),
  'GET /api/studio/courses/:id/instructors': p(TEACHES, 'teaches the course'),
  'POST /api/studio/courses/:id/instructors': p(TEACHES, 'teaches the course'),
  'POST /api/studio/courses/:id/instructors/reorder': p(TEACHES, 'teaches the course'),
  'DELETE /api/studio/courses/:id/instructors/:userId': p(TEACHES, 'teaches the course'),
  'GET /api/studio/profile': p(STAFF, 'own instructor profile'),
  'PATCH /api/studio/profile': p(STAFF, 'own instructor profile'),
  'GET /api/studio/upload-limits': p(STAFF, 'the studio’s upload limits'),
  'GET /api/studio/lessons/:id/media': p(TEACHES, 'teaches the lesson’s course'),
  'POST /api/studio/lessons/:id/file': p(TEACHES, 'teaches the lesson’s course'),
  'DELETE /api/studio/lessons/:id/file': p(TEACHES, 'teaches the lesson’s course'),
  'POST /api/studio/lessons/:id/resources': p(TEACHES, 'teaches the lesson’s course'),
  'POST /api/studio/lessons/:id/resources/reorder': p(TEACHES, 'teaches the lesson’s course'),
  'PATCH /api/studio/resources/:id': p(TEACHES, 'teaches the resource’s course'),
  'DELETE /api/studio/resources/:id': p(TEACHES, 'teaches the resource’s course'),
  'POST /api/studio/courses/:id/intro-video': p(TEACHES, 'teaches the course'),
  'DELETE /api/studio/courses/:id/intro-video': p(TEACHES, 'teaches the course'),
  'GET /api/studio/courses/:id/daily-videos': p(TEACHES, 'teaches the course'),
  'POST /api/studio/courses/:id/daily-videos': p(TEACHES, 'teaches the course'),
  'PATCH /api/studio/courses/:id/daily-videos/:videoId': p(TEACHES, 'teaches the course'),
  'DELETE /api/studio/courses/:id/daily-videos/:videoId': p(TEACHES, 'teaches the course'),
  'GET /api/studio/courses/:id/reviews': p(TEACHES, 'teaches the course'),
  'PUT /api/studio/reviews/:id/reply': p(TEACHES, 'teaches the reviewed course'),
  'DELETE /api/studio/reviews/:id/reply': p(TEACHES, 'teaches the reviewed course'),
  'GET /api/studio/courses/:id/students': p(TEACHES, 'teaches the course'),
  'GET /api/studio/students': p(STAFF, 'the students of own courses'),
  'GET /api/studio/courses/:id/questions': p(TEACHES, 'teaches the course'),
  'POST /api/studio/courses/:id/questions': p(TEACHES, 'teaches the course'),
  'POST /api/studio/courses/:id/questions/reorder': p(TEACHES, 'teaches the course'),
  'GET /api/studio/questions/:id': p(TEACHES, 'teaches the question’s course'),
  'PUT /api/studio/questions/:id': p(TEACHES, 'teaches the question’s course'),
  'DELETE /api/studio/questions/:id': p(TEACHES, 'teaches the question’s course'),
  'POST /api/studio/questions/:id/archive': p(TEACHES, 'teaches the question’s course'),
  'POST /api/studio/questions/:id/unarchive': p(TEACHES, 'teaches the question’s course'),
  'GET /api/studio/lessons/:id/quiz': p(TEACHES, 'teaches the lesson’s course'),
  'PUT /api/studio/lessons/:id/quiz': p(TEACHES, 'teaches the lesson’s course'),
  'GET /api/studio/courses/:id/gradebook': p(TEACHES, 'teaches the course'),
  'GET /api/studio/courses/:id/gradebook.csv': p(TEACHES, 'teaches the course'),
  'GET /api/studio/courses/:id/quiz-attempts': p(TEACHES, 'teaches the course'),
  'GET /api/studio/quiz-attempts/:id': p(TEACHES, 'teaches the attempt’s course'),
  'GET /api/studio/earnings': p(STAFF, 'own earnings'),
  // Learning
  'GET /api/learning/certificates': p(SIGNED_IN, 'own certificates'),
  'GET /api/learning/certificates/:code/pdf': p([...OWNER, ...ADMIN], 'own certificate, or the back office'),
  'GET /api/certificates/:code': p(EVERYONE, 'public verification of a certificate'),
  'GET /api/courses/:slug/reviews': p(EVERYONE, 'public reviews'),
  'GET /api/learning/courses/:slug/review': p(
    SIGNED_IN,
    'the caller’s own review of the course (none: null)',
  ),
  'POST /api/learning/courses/:slug/review': p(OWNER, 'enrolled in the course'),
  'PATCH /api/learning/courses/:slug/review': p(OWNER, 'own review'),
  'DELETE /api/learning/courses/:slug/review': p(OWNER, 'own review'),
  'POST /api/courses/:slug/enroll': p(VERIFIED, 'a free published course, verified address'),
  'GET /api/learning/courses': p(SIGNED_IN, 'own enrollments'),
  'GET /api/learning/courses/:slug': p(OWNER, 'enrolled (instructors preview in the studio)'),
  'GET /api/learning/lessons/:id': p(OWNER, 'enrolled'),
  'PUT /api/learning/lessons/:id/progress': p(OWNER, 'enrolled'),
  'POST /api/learning/lessons/:id/complete': p(OWNER, 'enrolled'),
  'DELETE /api/learning/lessons/:id/complete': p(OWNER, 'enrolled'),
  'GET /api/learning/lessons/:id/quiz': p(OWNER, 'enrolled'),
  'POST /api/learning/lessons/:id/quiz/attempts': p(OWNER, 'enrolled'),
  'GET /api/learning/quiz-attempts/:id': p(OWNER, 'own attempt'),
  'PUT /api/learning/quiz-attempts/:id/answers': p(OWNER, 'own attempt'),
  'POST /api/learning/quiz-attempts/:id/submit': p(OWNER, 'own attempt'),
  'GET /api/files/media/:id': p([...OWNER, ...TEACHES], 'a lesson file: enrolled, teaches it, or admin'),
  'GET /api/learning/courses/:slug/daily-videos': p(OWNER, 'enrolled'),
  'GET /api/learning/daily-videos/today': p(SIGNED_IN, 'today’s videos of own courses'),
  // Shop
  'GET /api/shop/categories': p(EVERYONE, 'public shop'),
  'GET /api/shop/products': p(EVERYONE, 'public shop'),
  'GET /api/shop/products/:slug': p(EVERYONE, 'public shop'),
  'GET /api/shop/products/:slug/reviews': p(EVERYONE, 'public shop'),
  'GET /api/shop/products/:slug/reviews/mine': p(SIGNED_IN, 'own review'),
  'PUT /api/shop/products/:slug/reviews/mine': p(OWNER, 'bought the product'),
  'GET /api/files/products/:key': p(EVERYONE, 'product images are public'),
  'GET /api/cart': p(SIGNED_IN, 'own cart'),
  'POST /api/cart/items': p(SIGNED_IN, 'own cart'),
  'PATCH /api/cart/items/:id': p(OWNER, 'an item of own cart'),
  'DELETE /api/cart/items/:id': p(OWNER, 'an item of own cart'),
  'PUT /api/cart/coupon': p(SIGNED_IN, 'own cart'),
  'DELETE /api/cart/coupon': p(SIGNED_IN, 'own cart'),
  'POST /api/cart/merge': p(SIGNED_IN, 'a visitor cart into own'),
  'POST /api/cart/preview': p(EVERYONE, 'prices a cart, stores nothing'),
  'GET /api/wishlist': p(SIGNED_IN, 'own wishlist'),
  'POST /api/wishlist': p(SIGNED_IN, 'own wishlist'),
  'DELETE /api/wishlist/:id': p(OWNER, 'an entry of own wishlist'),
  'POST /api/wishlist/:id/move-to-cart': p(OWNER, 'an entry of own wishlist'),
  'GET /api/shipping/rates': p(EVERYONE, 'public rates'),
  'GET /api/checkout/options': p(SIGNED_IN, 'the payment options of own cart'),
  'POST /api/checkout/quote': p(EVERYONE, 'prices own cart'),
  'POST /api/checkout/orders': p(VERIFIED, 'an order of own cart, verified address'),
  'POST /api/orders/:number/payments': p(OWNER, 'pays own order'),
  'GET /api/orders/:number/status': p(OWNER, 'own order'),
  'GET /api/orders': p(SIGNED_IN, 'own orders'),
  'GET /api/orders/:number': p(OWNER, 'own order'),
  'GET /api/orders/:number/invoice.pdf': p([...OWNER, ...ADMIN], 'own order, or the back office'),
  'POST /api/downloads/:grantId/link': p(OWNER, 'own download grant'),
  'GET /api/files/downloads/:token': p(EVERYONE, 'a signed download link'),
  'GET /api/payments/test/:ref': p(EVERYONE, 'the test provider’s page (test payments only)'),
  'POST /api/payments/test/:ref/:outcome': p(EVERYONE, 'the test provider’s page (test payments only)'),
  'GET /api/payments/manual/accounts': p(SIGNED_IN, 'the bank accounts to pay into'),
  'GET /api/orders/:number/manual': p(OWNER, 'own order'),
  'POST /api/orders/:number/manual-proofs': p(OWNER, 'own order'),
  'GET /api/payments/status': p(SIGNED_IN, 'which providers are up'),
  'GET /api/files/manual-proofs/:id': p([...OWNER, ...ADMIN], 'own proof, or the back office'),
  // Content and operations
  'GET /api/content/:key': p(EVERYONE, 'public site content'),
  'GET /api/files/content/:key': p(EVERYONE, 'public site images'),
  'GET /api/team': p(EVERYONE, 'public'),
  'GET /api/faq': p(EVERYONE, 'public'),
  'POST /api/contact': p(EVERYONE, 'the contact form'),
  'GET /api/health': p(EVERYONE, 'liveness'),
  'GET /api/health/ready': p(EVERYONE, 'readiness'),
  'GET /metrics': p(NOBODY, 'Prometheus: only with METRICS_TOKEN, which no actor holds (404 without it)'),
  'GET /api/announcements': p(EVERYONE, 'public banners'),
};

/** The admin API: admins only; a visitor gets 401 and any other signed-in user 404 (`registerAuth` in `apps/server/src/http/auth.ts`). */
export const ADMIN_PREFIX = '/api/admin/';
export const ADMIN_RULE: RoutePolicy = p(ADMIN, 'the back office: admins only');

/** The policy of a route, or undefined when the table lacks it (the matrix fails on that). */
export function policyOf(method: string, url: string): RoutePolicy | undefined {
  return ROUTES[`${method} ${url}`] ?? (url.startsWith(ADMIN_PREFIX) ? ADMIN_RULE : undefined);
}
