import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import { answersFor, enrolledStudent, quizCourse } from '../../../../test/quiz.ts';
import { manualClock } from '../../../platform/clock.ts';
import { quizRepo } from './quiz.repo.ts';
import { closeAttempt } from './quiz-attempt-grading.ts';
import { createQuizTakingReads } from './quiz-taking-reads.ts';

const clock = manualClock(new Date('2026-06-01T09:00:00Z'));
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(async () => t?.close());

describe('a submission graded from one read (no lock)', () => {
  it('is not written when answers were saved after its read; the next submission grades them', async () => {
    const { course, quiz } = await quizCourse(t, { settings: { passPercent: 80 } });
    const student = await enrolledStudent(t, course.slug);
    const attempt = (await student.client.post(`/api/learning/lessons/${quiz.id}/quiz/attempts`)).json();
    const db = t.platform.database.db;

    // A submission read the attempt with no answers saved …
    const read = await createQuizTakingReads(db).submission(attempt.id, student.user.id);
    if (!read) throw new Error('the attempt was not read');
    expect(read.answers).toEqual([]);
    // … then every answer is saved, right, before it writes its grade.
    const saved = await student.client.request('PUT', `/api/learning/quiz-attempts/${attempt.id}/answers`, {
      answers: answersFor(attempt, 5),
    });
    expect(saved.statusCode).toBe(200);
    const closed = closeAttempt({
      attempt: read.attempt,
      questions: read.questions,
      answers: read.answers,
      latest: new Map(),
      rules: { passPercent: 80 },
      now: clock.now(),
    });
    expect(closed.mark).toMatchObject({ scorePercent: 0, passed: false });
    expect(await quizRepo.writeClosed(db, attempt.id, read.attempt.revision, closed)).toBe(false);
    const still = (await student.client.get(`/api/learning/quiz-attempts/${attempt.id}`)).json();
    expect(still).toMatchObject({ status: 'in_progress', result: null });
    expect(still.answers).toHaveLength(5);

    // The real submission reads the saved answers and grades them, once.
    const submitted = await student.client.post(`/api/learning/quiz-attempts/${attempt.id}/submit`, {
      answers: [],
    });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json().result).toMatchObject({ scorePercent: 100, passed: true });
    expect(submitted.json().progress).toMatchObject({ lessonCompleted: true });
    const again = await student.client.post(`/api/learning/quiz-attempts/${attempt.id}/submit`, {
      answers: answersFor(attempt, 0),
    });
    expect(again.json().result).toMatchObject({ scorePercent: 100, passed: true });
    expect(again.json().result.questions.every((q: { correct: boolean }) => q.correct)).toBe(true);
  });

  it('writes the answers sent with it with their grades, and clears those sent as null', async () => {
    const { course, quiz } = await quizCourse(t, { settings: { passPercent: 50 } });
    const student = await enrolledStudent(t, course.slug);
    const attempt = (await student.client.post(`/api/learning/lessons/${quiz.id}/quiz/attempts`)).json();
    const all = answersFor(attempt, 5);
    // Two saved before (one right, one that the submission clears), three sent with the submission.
    await student.client.request('PUT', `/api/learning/quiz-attempts/${attempt.id}/answers`, {
      answers: all.slice(0, 2),
    });
    const res = await student.client.post(`/api/learning/quiz-attempts/${attempt.id}/submit`, {
      answers: [{ questionId: all[1]?.questionId, response: null }, ...all.slice(2)],
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // Six points in all (the numeric question has two); the cleared one earns nothing.
    const cleared = attempt.questions[1].type === 'numeric' ? 2 : 1;
    expect(body.result).toMatchObject({ scorePercent: Math.floor(((6 - cleared) / 6) * 100), passed: true });
    expect(body.answers.map((a: { questionId: string }) => a.questionId).sort()).toEqual(
      [all[0], ...all.slice(2)].map((a) => a?.questionId).sort(),
    );
    // What was stored is what was answered: the attempt read back shows the same grades.
    const back = (await student.client.get(`/api/learning/quiz-attempts/${attempt.id}`)).json();
    expect(back.result).toEqual(body.result);
    expect(back.answers).toEqual(expect.arrayContaining(body.answers));
    expect(back.answers).toHaveLength(4);
  });
});
