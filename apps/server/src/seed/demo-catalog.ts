import type { Executor } from '../db/client.ts';
import type { UserRow } from '../db/schema/index.ts';
import { slugify } from '../modules/catalog/slug.ts';
import { DEMO_CATEGORIES, DEMO_COURSES } from './demo-catalog.data.ts';
import { DEMO_QUIZZES, seedDemoQuiz } from './demo-quizzes.ts';
import { buildCategory, buildCourse, buildLesson, buildSection } from './factories.ts';

const DAY_MS = 24 * 60 * 60_000;

/**
 * The demo catalog, built with the same factories as the tests: four categories and six published
 * courses by the demo instructors, each with sections, lessons and a free preview lesson; two of them
 * end a section with a quiz (demo-quizzes.ts). Counts
 * (courses per category, lessons per course) come out right because the factories keep them.
 */
export async function seedDemoCatalog(x: Executor, instructors: UserRow[], now = new Date()): Promise<void> {
  const categoryIds = new Map<string, string>();
  for (const [position, c] of DEMO_CATEGORIES.entries()) {
    const row = await buildCategory(x, { ...c, position });
    categoryIds.set(c.slug, row.id);
  }
  for (const [i, c] of DEMO_COURSES.entries()) {
    const [lead, ...others] = c.instructors.map((n) => instructors[n]?.id);
    if (!lead) throw new Error('seedDemoCatalog: missing demo instructor');
    const minutes = c.sections.flatMap((s) => s.lessons).reduce((sum, l) => sum + l.minutes, 0);
    const course = await buildCourse(x, {
      instructorId: lead,
      coInstructorIds: others.filter((id) => id !== undefined),
      title: c.title,
      slug: slugify(c.title),
      subtitle: c.subtitle,
      descriptionHtml: c.description.map((p) => `<p>${p}</p>`).join(''),
      categoryId: categoryIds.get(c.category) ?? null,
      level: c.level,
      language: c.language,
      durationMinutes: minutes,
      priceMinor: c.priceMinor,
      currency: c.currency,
      status: 'published',
      whatYouWillLearn: c.learn,
      requirements: c.requirements,
      introVideoUrl: c.intro,
      // A day apart, newest last in the list, so "newest" has a stable order.
      publishedAt: new Date(now.getTime() - (DEMO_COURSES.length - i) * DAY_MS),
    });
    for (const s of c.sections) {
      const section = await buildSection(x, { courseId: course.id, title: s.title });
      for (const l of s.lessons) {
        const lesson = await buildLesson(x, {
          sectionId: section.id,
          title: l.title,
          type: l.type,
          videoUrl: l.video ?? null,
          contentHtml: l.text ? l.text.map((p) => `<p>${p}</p>`).join('') : null,
          durationSeconds: l.minutes * 60,
          isPreview: l.preview ?? false,
        });
        const quiz = l.quiz ? DEMO_QUIZZES[l.quiz] : undefined;
        if (quiz) await seedDemoQuiz(x, { courseId: course.id, lessonId: lesson.id, quiz });
      }
    }
  }
}
