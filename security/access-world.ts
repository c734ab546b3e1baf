import { eq } from 'drizzle-orm';
import type { UserRow } from '../apps/server/src/db/schema/index.ts';
import { users } from '../apps/server/src/db/schema/index.ts';
import { buildProduct } from '../apps/server/src/seed/commerce-factories.ts';
import { buildCourse, buildLesson, buildSection, buildUser } from '../apps/server/src/seed/factories.ts';
import { uniqueWord } from '../apps/server/test/catalog.ts';
import { Client, STRONG_PASSWORD, type TestApp } from '../apps/server/test/harness.ts';
import { FILES, upload } from '../apps/server/test/media.ts';
import { buildPaidOrder, paidCourse, paidOrderOf } from '../apps/server/test/orders.ts';
import { createQuestion, QUESTIONS } from '../apps/server/test/quiz.ts';
import { signInAs } from '../apps/server/test/sign-in.ts';
import type { Actor } from './policy/routes.ts';

/** The canary values planted in the world: none may appear in any answer of the matrix. */
export const CANARY = {
  /** Planted as a user's "second" email: no response to anyone else may carry another user's address. */
  studentEmailWord: 'canary-student',
  instructorEmailWord: 'canary-instructor',
};

async function mustOk(res: { statusCode: number; body: string }, what: string) {
  if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return JSON.parse(res.body || '{}');
}

type Json = Record<string, unknown> & { id: string };

/**
 * The actors and the real resources the matrix names: course A of instructor A (sections, lessons, a
 * quiz with a bank, a review by the student, the student's attempt), course B of instructor B, a paid
 * order, a cart and a wishlist of the student, a product, a certificate.
 */
export async function buildWorld(t: TestApp) {
  const db = t.platform.database.db;
  const person = async (
    role: 'student' | 'instructor' | 'admin',
    word: string,
    o: { verified?: boolean } = {},
  ) => {
    const user = await buildUser(db, {
      role,
      email: `${word}-${uniqueWord()}@example.test`,
      verified: o.verified,
    });
    return { user, client: await signInAs(t, user) };
  };
  const admin = await person('admin', 'canary-admin');
  const instructor = await person('instructor', CANARY.instructorEmailWord);
  const otherInstructor = await person('instructor', 'canary-other-instructor');
  const student = await person('student', CANARY.studentEmailWord);
  const otherStudent = await person('student', 'canary-other-student');
  const unverified = await person('student', 'canary-unverified', { verified: false });
  const suspended = await person('student', 'canary-suspended');
  await db.update(users).set({ suspendedAt: new Date() }).where(eq(users.id, suspended.user.id));

  const courseWith = async (owner: { user: UserRow; client: Client }) => {
    const course = await buildCourse(db, { instructorId: owner.user.id, status: 'published', priceMinor: 0 });
    const section = await buildSection(db, { courseId: course.id });
    const lesson = await buildLesson(db, { sectionId: section.id, title: 'Read first' });
    const quiz = await buildLesson(db, {
      sectionId: section.id,
      title: 'Check yourself',
      type: 'quiz',
      contentHtml: null,
    });
    const questions = [];
    for (const q of QUESTIONS) questions.push(await createQuestion(owner.client, course.id, q));
    return { course, section, lesson, quiz, questions };
  };
  const a = await courseWith(instructor);
  const b = await courseWith(otherInstructor);
  await mustOk(await student.client.post(`/api/courses/${a.course.slug}/enroll`), 'enroll A');
  await mustOk(await otherStudent.client.post(`/api/courses/${b.course.slug}/enroll`), 'enroll B');
  const attempt = (await mustOk(
    await student.client.post(`/api/learning/lessons/${a.quiz.id}/quiz/attempts`),
    'attempt',
  )) as Json;
  const review = await mustOk(
    await student.client.post(`/api/learning/courses/${a.course.slug}/review`, { rating: 5, body: 'Good' }),
    'review',
  );

  // A short course of instructor A the student completed: the certificate.
  const done = await buildCourse(db, {
    instructorId: instructor.user.id,
    status: 'published',
    priceMinor: 0,
  });
  const doneSection = await buildSection(db, { courseId: done.id });
  const doneLesson = await buildLesson(db, { sectionId: doneSection.id });
  await mustOk(await student.client.post(`/api/courses/${done.slug}/enroll`), 'enroll done');
  await mustOk(await student.client.post(`/api/learning/lessons/${doneLesson.id}/complete`), 'complete');
  const certs = await mustOk(await student.client.get('/api/learning/certificates'), 'certificates');

  // A course nobody is enrolled in (free, published): the enroll route's target, so enrolling there
  // changes nothing the other routes look at.
  const open = await buildCourse(db, {
    instructorId: instructor.user.id,
    status: 'published',
    priceMinor: 0,
  });
  await buildLesson(db, { sectionId: (await buildSection(db, { courseId: open.id })).id });

  // Commerce: a product in the student's cart and wishlist, a paid order of a paid course.
  const product = await buildProduct(db, { name: `Product ${uniqueWord()}` });
  const wishProduct = await buildProduct(db, { name: `Product ${uniqueWord()}` });
  const cartItem = await mustOk(
    await student.client.post('/api/cart/items', { itemType: 'product', itemId: product.id }),
    'cart',
  );
  const wish = (await mustOk(
    await student.client.post('/api/wishlist', { itemType: 'product', itemId: wishProduct.id }),
    'wishlist',
  )) as Json;
  const paid = await paidCourse(t);
  const { order } = await paidOrderOf(t, student.user, [paid]);
  // The student bought the product too: a buyer may review it.
  await buildPaidOrder(db, {
    userId: student.user.id,
    email: student.user.email,
    products: [{ product }],
    provider: 'manual',
  });

  // Lesson media of course A: a PDF lesson with its file and a resource, uploaded through the studio.
  const pdfLesson = await buildLesson(db, {
    sectionId: a.section.id,
    type: 'pdf',
    contentHtml: null,
    title: 'Reading',
  });
  const fileRes = await mustOk(
    await upload(t, instructor.client, `/api/studio/lessons/${pdfLesson.id}/file`, FILES.pdf, 'reading.pdf'),
    'lesson file',
  );
  const resRes = await mustOk(
    await upload(
      t,
      instructor.client,
      `/api/studio/lessons/${pdfLesson.id}/resources`,
      FILES.csv,
      'data.csv',
    ),
    'resource',
  );
  const media = {
    lessonId: pdfLesson.id,
    fileId: fileRes.file.id as string,
    resourceId: resRes.resources.at(-1).id as string,
  };
  const dailyVideo = (await mustOk(
    await instructor.client.post(`/api/studio/courses/${a.course.id}/daily-videos`, {
      day: new Date().toISOString().slice(0, 10),
      title: 'Today',
      url: 'https://example.test/video',
    }),
    'daily video',
  )) as Json;
  const detail = await mustOk(await t.app.inject({ url: `/api/courses/${a.course.slug}` }), 'course detail');
  const instructorSlug = (detail.instructors as { slug: string }[])[0]?.slug as string;
  const cart = await mustOk(await student.client.get('/api/cart'), 'cart read');
  const cartItemId = (cart.items as { id: string }[])[0]?.id as string;
  void cartItem;
  const victim = await buildUser(db, {
    role: 'student',
    email: `canary-victim-${uniqueWord()}@example.test`,
  });

  /** Fresh resources for the routes that delete or change state others read. */
  const draftOfA = async () => {
    const c = await buildCourse(db, { instructorId: instructor.user.id, status: 'draft' });
    await buildLesson(db, { sectionId: (await buildSection(db, { courseId: c.id })).id });
    return c;
  };
  const freshSection = () => buildSection(db, { courseId: a.course.id });
  const freshLesson = async () => buildLesson(db, { sectionId: a.section.id });
  const freshQuestion = () => createQuestion(instructor.client, a.course.id, QUESTIONS[0] as never);
  const coCourseOfA = async () => {
    const co = await buildUser(db, { role: 'instructor' });
    const c = await buildCourse(db, { instructorId: instructor.user.id, coInstructorIds: [co.id] });
    return { courseId: c.id, userId: co.id };
  };
  const instructorToInvite = () => buildUser(db, { role: 'instructor' });
  const freshCartItem = async () => {
    const p = await buildProduct(db, { name: `Product ${uniqueWord()}` });
    const res = await mustOk(
      await student.client.post('/api/cart/items', { itemType: 'product', itemId: p.id }),
      'fresh cart item',
    );
    return (res.items as { id: string; itemId: string }[]).find((i) => i.itemId === p.id)?.id as string;
  };
  const freshWish = async () => {
    const p = await buildProduct(db, { name: `Product ${uniqueWord()}` });
    const res = (await mustOk(
      await student.client.post('/api/wishlist', { itemType: 'product', itemId: p.id }),
      'fresh wish',
    )) as Json;
    return (res.items as { id: string; itemId: string }[]).find((i) => i.itemId === p.id)?.id as string;
  };
  const freshLessonFile = async () => {
    const lesson = await buildLesson(db, { sectionId: a.section.id, type: 'pdf', contentHtml: null });
    await mustOk(
      await upload(t, instructor.client, `/api/studio/lessons/${lesson.id}/file`, FILES.pdf, 'fresh.pdf'),
      'fresh lesson file',
    );
    return lesson.id;
  };
  const freshResource = async () => {
    const res = await mustOk(
      await upload(
        t,
        instructor.client,
        `/api/studio/lessons/${pdfLesson.id}/resources`,
        FILES.csv,
        'more.csv',
      ),
      'fresh resource',
    );
    return res.resources.at(-1).id as string;
  };
  const freshIntroVideo = async () => {
    const c = await buildCourse(db, { instructorId: instructor.user.id });
    await mustOk(
      await upload(t, instructor.client, `/api/studio/courses/${c.id}/intro-video`, FILES.mp4, 'intro.mp4'),
      'fresh intro video',
    );
    return c.id;
  };
  let dayOffset = 1;
  const freshDailyVideo = async () => {
    dayOffset += 1;
    const day = new Date(Date.now() + dayOffset * 86_400_000).toISOString().slice(0, 10);
    const res = (await mustOk(
      await instructor.client.post(`/api/studio/courses/${a.course.id}/daily-videos`, {
        day,
        title: `Day ${dayOffset}`,
        url: 'https://example.test/video',
      }),
      'fresh daily video',
    )) as Json;
    return res.id;
  };
  const freshUser = () => buildUser(db, { role: 'student' });
  const freshOpenCourse = async () => {
    const c = await buildCourse(db, { instructorId: instructor.user.id, status: 'published', priceMinor: 0 });
    await buildLesson(db, { sectionId: (await buildSection(db, { courseId: c.id })).id });
    return c;
  };

  const actors: Record<Actor, Client> = {
    anonymous: new Client(t.app),
    suspended: suspended.client,
    unverified: unverified.client,
    student: student.client,
    otherStudent: otherStudent.client,
    instructor: instructor.client,
    otherInstructor: otherInstructor.client,
    admin: admin.client,
  };
  const people = { admin, instructor, otherInstructor, student, otherStudent, unverified, suspended };
  /** Another session of the same person (routes that end a session run on it). */
  const secondSession = async (actor: Actor): Promise<Client> => {
    if (actor === 'anonymous') return new Client(t.app);
    if (actor === 'suspended') return suspended.client;
    const c = new Client(t.app);
    await mustOk(
      await c.post('/api/auth/login', { email: people[actor].user.email, password: STRONG_PASSWORD }),
      `second session of ${actor}`,
    );
    return c;
  };
  return {
    t,
    db,
    actors,
    people,
    secondSession,
    a,
    b,
    attempt,
    review: review as Json,
    done: { course: done, lesson: doneLesson },
    certificate: (certs.items ?? certs)[0] as { code: string },
    open,
    product,
    wishProduct,
    cartItem,
    wish,
    order,
    media,
    dailyVideo,
    instructorSlug,
    cartItemId,
    victim,
    draftOfA,
    freshSection,
    freshLesson,
    freshQuestion,
    coCourseOfA,
    instructorToInvite,
    freshCartItem,
    freshWish,
    freshLessonFile,
    freshResource,
    freshIntroVideo,
    freshDailyVideo,
    freshUser,
    freshOpenCourse,
  };
}
export type World = Awaited<ReturnType<typeof buildWorld>>;
