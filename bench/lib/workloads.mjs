// The workloads of `npm run bench`, as autocannon request sequences. One "unit" is what the budget is
// for: a page view with the API calls it makes, a checkout, one webhook delivery. Each connection is one
// student (a session cookie and its CSRF token), taken in turn from the signed-in sample.
import { randomUUID } from 'node:crypto';

const BROWSER = { 'accept-encoding': 'gzip, deflate, br', 'user-agent': '9tangle-bench' };
const HTML = { ...BROWSER, accept: 'text/html,application/xhtml+xml' };
const JSON_ACCEPT = { ...BROWSER, accept: 'application/json' };

let next = 0;
/** Give this connection a student the first time it asks, round robin over the sample. */
function studentOf(context, data) {
  if (!context.student) context.student = data.students[next++ % data.students.length];
  return context.student;
}
const auth = (s) => ({ cookie: s.cookie });
const write = (s, origin) => ({
  cookie: s.cookie,
  'x-csrf-token': s.csrf,
  origin,
  'content-type': 'application/json',
});

const get = (path, headers = JSON_ACCEPT) => ({ method: 'GET', path, headers });
/** A GET as this connection's student: `pathOf(student)`, with its session cookie. */
const studentGet = (d, pathOf, headers = JSON_ACCEPT) => ({
  method: 'GET',
  setupRequest: (req, ctx) => {
    const s = studentOf(ctx, d);
    return { ...req, path: pathOf(s), headers: { ...headers, ...auth(s) } };
  },
});

/** name → { unit: HTTP requests per unit, requests(data): autocannon requests } */
export const WORKLOADS = {
  hello: { unit: 1, requests: () => [get('/')] },

  catalog_page: { unit: 1, requests: () => [get('/courses', HTML)] },

  catalog_search: {
    unit: 1,
    requests: (d) => [
      get(
        `/courses?q=${encodeURIComponent(d.catalogSearch.q)}&category=${encodeURIComponent(d.catalogSearch.category)}`,
        HTML,
      ),
    ],
  },

  // A course's public page as a guest (the sales page): server-rendered, cached per ETag like the catalog.
  course_detail_page: {
    unit: 1,
    requests: (d) => {
      let i = 0;
      return [
        {
          method: 'GET',
          setupRequest: (req) => ({
            ...req,
            path: `/courses/${d.students[i++ % d.students.length].courseSlug}`,
            headers: HTML,
          }),
        },
      ];
    },
  },

  // The player's start page of a 64-item course, as Chromium loads it signed in: the document (whose
  // account carries the header's cart count), then the calls the page makes after hydrating — the
  // outline with this student's progress (which records "course viewed") and the lesson it opens.
  course_page: {
    unit: 3,
    requests: (d) => [
      studentGet(d, (s) => `/courses/${s.courseSlug}/learn`, HTML),
      studentGet(d, (s) => `/api/learning/courses/${s.courseSlug}`),
      studentGet(d, (s) => `/api/learning/lessons/${s.lessonIds[0]}`),
    ],
  },

  my_courses: { unit: 1, requests: (d) => [studentGet(d, () => '/api/learning/courses')] },

  course_contents: {
    unit: 1,
    requests: (d) => [studentGet(d, (s) => `/api/learning/courses/${s.courseSlug}`)],
  },

  // Every call changes the saved position (and alternates the watched share), so every call writes.
  progress_update: {
    unit: 1,
    requests: (d) => [
      {
        method: 'PUT',
        setupRequest: (req, ctx) => {
          const s = studentOf(ctx, d);
          ctx.n = (ctx.n ?? 0) + 1;
          const lessonId = s.lessonIds[ctx.n % s.lessonIds.length];
          return {
            ...req,
            path: `/api/learning/lessons/${lessonId}/progress`,
            headers: { ...JSON_ACCEPT, ...write(s, d.origin) },
            body: JSON.stringify({
              positionSeconds: 10 + (ctx.n % 500),
              watchedPercent: ctx.n % 2 ? 20 : 40,
            }),
          };
        },
      },
    ],
  },

  // Start an attempt, then submit it with an answer to every question: graded on the server.
  quiz_submit: {
    unit: 2,
    requests: (d) => [
      {
        method: 'POST',
        setupRequest: (req, ctx) => {
          const s = studentOf(ctx, d);
          return {
            ...req,
            path: `/api/learning/lessons/${s.quizLessonId}/quiz/attempts`,
            // Read here to answer the questions: asked uncompressed (autocannon does not inflate).
            headers: { accept: 'application/json', ...write(s, d.origin) },
            body: '{}',
          };
        },
        onResponse: (status, body, ctx) => {
          ctx.attempt = status < 300 ? JSON.parse(body) : null;
        },
      },
      {
        method: 'POST',
        setupRequest: (req, ctx) => {
          const s = studentOf(ctx, d);
          const attempt = ctx.attempt?.attempt ?? ctx.attempt;
          const answers = (attempt?.questions ?? []).map((q) =>
            q.options?.length
              ? { questionId: q.id, response: { optionIds: [q.options[0].id] } }
              : q.type === 'true_false'
                ? { questionId: q.id, response: { value: true } }
                : { questionId: q.id, response: { text: '42' } },
          );
          return {
            ...req,
            path: `/api/learning/quiz-attempts/${attempt?.id ?? '00000000-0000-4000-8000-000000000000'}/submit`,
            headers: { ...JSON_ACCEPT, ...write(s, d.origin) },
            body: JSON.stringify({ answers }),
          };
        },
      },
    ],
  },

  // Put a course in the cart, then create the order with a Stripe Checkout Session (a local fake of
  // Stripe's API answers the SDK): the order, its lines, the payment attempt and the coupon rules.
  checkout: {
    unit: 2,
    requests: (d) => [
      {
        method: 'POST',
        setupRequest: (req, ctx) => {
          const s = studentOf(ctx, d);
          return {
            ...req,
            path: '/api/cart/items',
            headers: { ...JSON_ACCEPT, ...write(s, d.origin) },
            body: JSON.stringify({ itemType: 'course', itemId: s.buyCourseId }),
          };
        },
      },
      {
        method: 'POST',
        setupRequest: (req, ctx) => {
          const s = studentOf(ctx, d);
          return {
            ...req,
            path: '/api/checkout/orders',
            headers: { ...JSON_ACCEPT, ...write(s, d.origin), 'idempotency-key': randomUUID() },
            body: JSON.stringify({
              contact: { name: 'Bench Buyer', email: s.email },
              country: 'PK',
              provider: 'stripe',
            }),
          };
        },
      },
    ],
  },

  // One signed `checkout.session.completed` per request, each for a different pending order.
  stripe_webhook: {
    unit: 1,
    requests: (d) => {
      let i = 0;
      return [
        {
          method: 'POST',
          setupRequest: (req) => {
            const w = d.webhooks[i++ % d.webhooks.length];
            return { ...req, path: '/api/webhooks/stripe', headers: { ...w.headers }, body: w.payload };
          },
        },
      ];
    },
  },

  // The soak: what a cohort does all day, the catalog, the player and the student's courses.
  soak_mix: {
    unit: 4,
    requests: (d) => [
      get('/courses', HTML),
      studentGet(d, (s) => `/courses/${s.courseSlug}/learn`, HTML),
      studentGet(d, (s) => `/api/learning/courses/${s.courseSlug}`),
      studentGet(d, () => '/api/learning/courses'),
    ],
  },

  admin_dashboard: {
    unit: 1,
    requests: (d) => [get('/api/admin/dashboard', { ...JSON_ACCEPT, cookie: d.admin.cookie })],
  },
};
