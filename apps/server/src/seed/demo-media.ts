import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { courseDailyVideos, courseSections, courses, lessons, mediaFiles } from '../db/schema/index.ts';
import { calendarDay } from '../platform/clock.ts';
import type { Storage } from '../platform/storage.ts';
import { YT } from './demo-catalog.types.ts';
import { buildPdf } from './demo-pdf.ts';
import { buildLesson } from './factories.ts';

const PYTHON = 'python-for-data-analysis';
const JAVASCRIPT = 'modern-javascript-from-scratch';

/** `day` moved by `n` calendar days (`YYYY-MM-DD` in, `YYYY-MM-DD` out). */
function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * The demo academy's files: a free-preview PDF lesson with two downloadable resources in "Python for
 * Data Analysis", and daily video links around today in "Modern JavaScript from Scratch" (the free
 * course, so a demo student sees "today's video" after enrolling). A few kilobytes, built in memory.
 */
export async function seedDemoMedia(
  x: Executor,
  o: { storage: Storage; timeZone: string; now: Date; instructorId: string },
): Promise<void> {
  const python = await courseBySlug(x, PYTHON);
  const javascript = await courseBySlug(x, JAVASCRIPT);
  if (!python || !javascript) throw new Error('seedDemoMedia: the demo courses are missing');

  const [firstSection] = await x
    .select({ id: courseSections.id })
    .from(courseSections)
    .where(eq(courseSections.courseId, python))
    .orderBy(courseSections.position)
    .limit(1);
  if (!firstSection) throw new Error('seedDemoMedia: the Python course has no section');
  const lesson = await buildLesson(x, {
    sectionId: firstSection.id,
    title: 'Course handbook',
    type: 'pdf',
    contentHtml:
      '<p>Read the handbook before the first notebook: it lists what to install and how the course is marked.</p>',
    durationSeconds: 5 * 60,
    isPreview: true,
  });
  const store = async (f: {
    kind: 'pdf' | 'resource';
    fileName: string;
    mime: string;
    data: Buffer;
    position?: number;
  }) => {
    const ext = f.fileName.split('.').pop() as string;
    const key = `media/${python}/${randomUUID()}.${ext}`;
    await o.storage.put(key, f.data);
    const [row] = await x
      .insert(mediaFiles)
      .values({
        courseId: python,
        lessonId: lesson.id,
        kind: f.kind,
        storageKey: key,
        fileName: f.fileName,
        title: f.kind === 'resource' ? f.fileName.replace(/\.[a-z]+$/, '').replace(/-/g, ' ') : null,
        mime: f.mime,
        sizeBytes: f.data.length,
        position: f.position ?? 0,
        uploadedBy: o.instructorId,
      })
      .returning({ id: mediaFiles.id });
    return row?.id as string;
  };
  const handbook = await store({
    kind: 'pdf',
    fileName: 'python-course-handbook.pdf',
    mime: 'application/pdf',
    data: buildPdf('Python for Data Analysis: course handbook', [
      'Welcome! This handbook explains how the course works.',
      '',
      '1. Install Python 3 and JupyterLab (the first video shows how).',
      '2. Each section ends with a short project; submit it before moving on.',
      '3. The data sets are in the lesson resources: download them once.',
      '',
      'Questions? Ask in the course discussion. Enjoy the course.',
    ]),
  });
  await x.update(lessons).set({ mediaFileId: handbook }).where(eq(lessons.id, lesson.id));
  await store({
    kind: 'resource',
    fileName: 'shop-sales-sample.csv',
    mime: 'text/csv',
    data: Buffer.from(
      'date,city,product,units,revenue\n2026-01-03,Lahore,Notebook,12,3600\n2026-01-03,Karachi,Pen,40,2000\n' +
        '2026-01-04,Islamabad,Backpack,3,7500\n2026-01-05,Lahore,Pen,25,1250\n',
    ),
    position: 0,
  });
  await store({
    kind: 'resource',
    fileName: 'pandas-cheat-sheet.pdf',
    mime: 'application/pdf',
    data: buildPdf('pandas cheat sheet', [
      'pd.read_csv(path)            load a CSV file',
      'df.info(), df.describe()     look before you fix',
      'df.groupby(col).agg(...)     group and aggregate',
      'df.merge(other, on=col)      join two tables',
      'df.plot(kind="bar")          a quick chart',
    ]),
    position: 1,
  });

  // Daily videos: two earlier, two today, one tomorrow (which stays hidden until its day).
  const today = calendarDay(o.now, o.timeZone);
  const daily = [
    [-3, 'Warm-up: reading error messages', YT.js],
    [-1, 'Five array methods you will use every day', YT.js],
    [0, 'Today: async/await in ten minutes', YT.js],
    [0, 'Bonus: debugging with breakpoints', YT.js],
    [1, 'Tomorrow: modules and imports', YT.js],
  ] as const;
  await x.insert(courseDailyVideos).values(
    daily.map(([offset, title, url], i) => ({
      courseId: javascript,
      day: addDays(today, offset),
      title,
      url,
      note: i === 2 ? 'Watch this before the "Promises and async/await" lesson.' : null,
      createdBy: o.instructorId,
      createdAt: new Date(o.now.getTime() + i),
      updatedAt: new Date(o.now.getTime() + i),
    })),
  );
}

async function courseBySlug(x: Executor, slug: string): Promise<string | undefined> {
  const [row] = await x.select({ id: courses.id }).from(courses).where(eq(courses.slug, slug)).limit(1);
  return row?.id;
}
