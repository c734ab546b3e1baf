import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { courses, type UserRow } from '../db/schema/index.ts';
import { coursesRepo } from '../modules/catalog/courses.repo.ts';
import { slugify } from '../modules/catalog/slug.ts';
import { buildCertificate, buildEnrollment, buildReview } from './learning-factories.ts';

const DAY_MS = 24 * 60 * 60_000;

/** Who reviewed which demo course (by title), with how many stars and what they wrote. */
export const DEMO_REVIEWS: {
  course: string;
  student: string;
  rating: number;
  body: string;
  reply?: string;
}[] = [
  {
    course: 'Modern JavaScript from Scratch',
    student: 'Bilal Ahmed',
    rating: 5,
    body: 'The clearest introduction to JavaScript I have found. The weather widget project tied everything together.',
    reply: 'Thank you, Bilal! Glad the project helped. The React course picks up right where this one ends.',
  },
  {
    course: 'Modern JavaScript from Scratch',
    student: 'Sara Malik',
    rating: 4,
    body: 'Very well paced. I would have liked one more exercise on promises.',
  },
  {
    course: 'Modern JavaScript from Scratch',
    student: 'Hamza Raza',
    rating: 5,
    body: 'Short lessons, no filler.',
  },
  {
    course: 'React and TypeScript: Build Real Apps',
    student: 'Mei Chen',
    rating: 5,
    body: 'Typing props and state finally clicked for me. The task manager is a real app, not a toy.',
  },
  {
    course: 'React and TypeScript: Build Real Apps',
    student: 'Omar Siddiqui',
    rating: 4,
    body: 'Great content; the data-fetching lesson is worth the price alone.',
  },
  {
    course: 'Python for Data Analysis',
    student: 'Lucía Fernández',
    rating: 5,
    body: 'Cleaning the messy data set was exactly the practice I needed for work.',
  },
  {
    course: 'Python for Data Analysis',
    student: 'Bilal Ahmed',
    rating: 3,
    body: 'Good, but it moves fast for a beginner.',
  },
  {
    course: 'UI Design Essentials with Figma',
    student: 'Sara Malik',
    rating: 5,
    body: 'Hierarchy and spacing explained so simply. My app screens look professional now.',
  },
  {
    course: 'Freelancing: Start Your Online Business',
    student: 'Hamza Raza',
    rating: 4,
    body: 'Practical advice on pricing and first clients.',
  },
];

/** Bilal finished the free JavaScript course a week ago and holds its certificate. */
export const DEMO_COMPLETION = {
  course: 'Modern JavaScript from Scratch',
  student: 'Bilal Ahmed',
  daysAgo: 7,
};

/**
 * The demo academy's learning: the reviewers enrolled in what they reviewed, their reviews (the
 * courses' averages and counts recounted as the service does), an instructor's reply, and one
 * completed course with its certificate.
 */
export async function seedDemoLearning(x: Executor, people: UserRow[], now = new Date()): Promise<void> {
  const byName = new Map(people.map((p) => [p.name, p]));
  const courseIds = new Map<string, string>();
  const courseId = async (title: string) => {
    const known = courseIds.get(title);
    if (known) return known;
    const [row] = await x
      .select({ id: courses.id })
      .from(courses)
      .where(eq(courses.slug, slugify(title)));
    if (!row) throw new Error(`seedDemoLearning: no demo course "${title}"`);
    courseIds.set(title, row.id);
    return row.id;
  };
  const person = (name: string) => {
    const p = byName.get(name);
    if (!p) throw new Error(`seedDemoLearning: no demo person "${name}"`);
    return p;
  };

  const done = {
    userId: person(DEMO_COMPLETION.student).id,
    courseId: await courseId(DEMO_COMPLETION.course),
  };
  const completedAt = new Date(now.getTime() - DEMO_COMPLETION.daysAgo * DAY_MS);
  await buildEnrollment(x, {
    ...done,
    source: 'free',
    completedAt,
    now: new Date(completedAt.getTime() - 3 * DAY_MS),
  });
  await buildCertificate(x, done);

  for (const [i, r] of DEMO_REVIEWS.entries()) {
    const id = await courseId(r.course);
    const at = new Date(now.getTime() - (DEMO_REVIEWS.length - i) * DAY_MS);
    const userId = person(r.student).id;
    await buildEnrollment(x, { userId, courseId: id, now: new Date(at.getTime() - 5 * DAY_MS) });
    const [lead] = await coursesRepo.instructorIds(x, id);
    await buildReview(x, {
      courseId: id,
      userId,
      rating: r.rating,
      body: r.body,
      at,
      ...(r.reply && lead ? { reply: { by: lead, body: r.reply } } : {}),
    });
  }
}
