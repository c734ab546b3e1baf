/** The shapes of the demo academy's catalog data, and the video links its lessons use. */

export interface DemoLesson {
  title: string;
  type: 'video' | 'text' | 'quiz';
  minutes: number;
  /** A YouTube link for video lessons. */
  video?: string;
  /** Paragraphs of a text lesson. */
  text?: string[];
  preview?: boolean;
  /** A quiz lesson's quiz: a key of `DEMO_QUIZZES` (demo-quizzes.ts). */
  quiz?: string;
}
export interface DemoCourse {
  title: string;
  subtitle: string;
  category: string;
  /** Index into the demo instructors; the first is the lead. */
  instructors: number[];
  level: 'beginner' | 'intermediate' | 'advanced';
  language: string;
  priceMinor: number;
  currency: 'PKR' | 'USD';
  description: string[];
  learn: string[];
  requirements: string[];
  intro: string | null;
  sections: { title: string; lessons: DemoLesson[] }[];
}

export const YT = {
  js: 'https://www.youtube.com/watch?v=W6NZfCO5SIk',
  react: 'https://www.youtube.com/watch?v=SqcY0GlETPk',
  python: 'https://www.youtube.com/watch?v=rfscVS0vtbw',
  ml: 'https://www.youtube.com/watch?v=i_LwzRVP7bg',
  figma: 'https://www.youtube.com/watch?v=FTFaQWZBqQ8',
  business: 'https://www.youtube.com/watch?v=6QGzqLnvHGg',
};
