import { QuestionBody, type QuestionBodyInput, type QuizSettingsBody } from '@9tangle/contracts';
import type { Executor } from '../db/client.ts';
import { sanitizeRichText } from '../modules/catalog/rich-text.ts';
import { quizRepo } from '../modules/learning/quizzes/quiz.repo.ts';
import { quizBankRepo } from '../modules/learning/quizzes/quiz-bank.repo.ts';
import { patternProblem } from '../modules/learning/quizzes/quiz-grading.ts';

/** A demo quiz: the questions it adds to its course's bank (in its own pool) and its settings. */
export interface DemoQuiz {
  pool: string;
  settings: Omit<QuizSettingsBody, 'pool'>;
  questions: QuestionBodyInput[];
}

const p = (text: string) => `<p>${text}</p>`;

/** The demo academy's quizzes, by the key a demo lesson names in `quiz`. */
export const DEMO_QUIZZES: Record<string, DemoQuiz> = {
  freelancing: {
    pool: 'freelancing-basics',
    settings: {
      questionCount: null,
      passPercent: 60,
      attemptLimit: null,
      timeLimitSeconds: null,
      shuffleQuestions: true,
      shuffleOptions: true,
      showCorrectAnswers: true,
    },
    questions: [
      {
        type: 'single_choice',
        promptHtml: p('What does a client buy when they hire a freelancer they have never worked with?'),
        options: [
          { id: 'proof', text: 'Proof that you can solve their problem' },
          { id: 'price', text: 'The lowest price on the market' },
          { id: 'cv', text: 'The longest CV' },
        ],
        answer: { optionIds: ['proof'] },
        explanationHtml: p('Clients buy proof: samples that show the problem, what you did and the result.'),
      },
      {
        type: 'multiple_choice',
        promptHtml: p('Which of these belong in a proposal that gets replies?'),
        options: [
          { id: 'problem', text: 'The client’s problem, in your own words' },
          { id: 'sample', text: 'One sample close to their project' },
          { id: 'step', text: 'A clear next step' },
          { id: 'story', text: 'Your whole life story' },
        ],
        answer: { optionIds: ['problem', 'sample', 'step'] },
        partialCredit: true,
        explanationHtml: p('Short and about them: their problem, your proof, and what happens next.'),
      },
      {
        type: 'true_false',
        promptHtml: p('Three strong samples beat ten weak ones.'),
        answer: { value: true },
        explanationHtml: p('A client remembers your weakest sample. Show only your best work.'),
      },
      {
        type: 'short_answer',
        promptHtml: p('What do you call the collection of work samples you show to clients? (one word)'),
        answer: { accepted: ['portfolio'], caseSensitive: false, pattern: '(a |my )?portfolios?' },
        explanationHtml: p(
          'Your portfolio: build it before your first client, with projects you set yourself.',
        ),
      },
      {
        type: 'numeric',
        promptHtml: p('You want to earn 2,000 a month from 80 billable hours. What is your hourly rate?'),
        answer: { value: 25, tolerance: 0 },
        points: 2,
        explanationHtml: p('2,000 ÷ 80 = 25 an hour — before fees and taxes, so charge a little more.'),
      },
    ],
  },
  pandas: {
    pool: 'pandas',
    settings: {
      questionCount: 3,
      passPercent: 70,
      attemptLimit: 3,
      timeLimitSeconds: 600,
      shuffleQuestions: true,
      shuffleOptions: true,
      showCorrectAnswers: true,
    },
    questions: [
      {
        type: 'single_choice',
        promptHtml: p(
          'Which call summarises the columns, their types and missing values of <code>df</code>?',
        ),
        options: [
          { id: 'info', text: 'df.info()' },
          { id: 'head', text: 'df.head()' },
          { id: 'plot', text: 'df.plot()' },
        ],
        answer: { optionIds: ['info'] },
        explanationHtml: p('<code>df.info()</code> lists every column with its type and non-null count.'),
      },
      {
        type: 'true_false',
        promptHtml: p('A missing value always means zero.'),
        answer: { value: false },
        explanationHtml: p(
          'It may mean zero, unknown, or a row to drop: decide per column and write it down.',
        ),
      },
      {
        type: 'short_answer',
        promptHtml: p('Which DataFrame method groups rows by the values of a column?'),
        answer: { accepted: ['groupby', 'df.groupby', 'groupby()'], caseSensitive: true, pattern: null },
        explanationHtml: p(
          '<code>df.groupby("column")</code>, then an aggregate such as <code>.sum()</code>.',
        ),
      },
      {
        type: 'numeric',
        promptHtml: p('A column holds 3, 5 and 10. What is its mean?'),
        answer: { value: 6, tolerance: 0.01 },
        explanationHtml: p('(3 + 5 + 10) ÷ 3 = 6.'),
      },
    ],
  },
};

/** Add a demo quiz's questions to its course's bank and save the lesson's settings. */
export async function seedDemoQuiz(x: Executor, o: { courseId: string; lessonId: string; quiz: DemoQuiz }) {
  for (const [position, input] of o.quiz.questions.entries()) {
    // The same schema as the studio: a demo question is a valid question.
    const q = QuestionBody.parse({ ...input, pool: o.quiz.pool });
    const problem = q.type === 'short_answer' && q.answer.pattern ? patternProblem(q.answer.pattern) : null;
    if (problem) throw new Error(`seedDemoQuiz: ${problem}`);
    const isChoice = q.type === 'single_choice' || q.type === 'multiple_choice';
    await quizBankRepo.insert(x, {
      courseId: o.courseId,
      pool: q.pool,
      type: q.type,
      promptHtml: sanitizeRichText(q.promptHtml),
      explanationHtml: q.explanationHtml && sanitizeRichText(q.explanationHtml),
      options: isChoice ? q.options : [],
      answer: q.answer,
      partialCredit: q.type === 'multiple_choice' && q.partialCredit,
      points: q.points,
      position,
    });
  }
  const now = new Date();
  await quizRepo.upsertSettings(x, {
    ...o.quiz.settings,
    pool: o.quiz.pool,
    lessonId: o.lessonId,
    courseId: o.courseId,
    createdAt: now,
    updatedAt: now,
  });
}
