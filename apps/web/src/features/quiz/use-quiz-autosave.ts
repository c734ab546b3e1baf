import type { QuizResponse } from '@9tangle/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, isApiError } from '../../api/client.ts';
import { type AnswerInput, saveQuizAnswers } from '../../api/quizzes.ts';

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

/** `details` of a `validation_failed` answer: `[{ path: ['answers', i, …], message }]`, by index. */
function issuesByIndex(error: unknown): Map<number, string> {
  const out = new Map<number, string>();
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return out;
  for (const d of error.details as { path?: unknown[]; message?: unknown }[]) {
    const i = d.path?.[1];
    if (typeof i === 'number' && typeof d.message === 'string' && !out.has(i)) out.set(i, d.message);
  }
  return out;
}

/**
 * Saves answers as the student goes: changes wait a moment (typing), then go in one request; a save
 * that fails for the network is retried with the next one. An answer the server refuses gets its
 * message (by question). When the server says the time is up or the attempt is closed, `onClosed` runs.
 */
export function useQuizAutosave(attemptId: string, onClosed: () => void) {
  const pending = useRef(new Map<string, QuizResponse | null>());
  const timer = useRef<number | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const [state, setState] = useState<SaveState>('idle');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const onClosedRef = useRef(onClosed);
  onClosedRef.current = onClosed;

  const clearTimer = useCallback(() => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
  }, []);

  const flush = useCallback(async (): Promise<void> => {
    clearTimer();
    if (inFlight.current) await inFlight.current;
    if (pending.current.size === 0) return;
    const batch: AnswerInput[] = [...pending.current].map(([questionId, response]) => ({
      questionId,
      response,
    }));
    pending.current = new Map();
    setState('saving');
    const run = (async () => {
      try {
        await saveQuizAnswers(attemptId, batch);
        setState('saved');
        setErrors((before) => {
          const next = { ...before };
          for (const a of batch) delete next[a.questionId];
          return next;
        });
      } catch (error) {
        // Answers given since this batch left are newer: they win over a retry of the old ones.
        const requeue = (items: AnswerInput[]) => {
          for (const a of items)
            if (!pending.current.has(a.questionId)) pending.current.set(a.questionId, a.response);
        };
        if (isApiError(error, 'validation_failed')) {
          const issues = issuesByIndex(error);
          setErrors((before) => {
            const next = { ...before };
            batch.forEach((a, i) => {
              const message = issues.get(i);
              if (message) next[a.questionId] = message;
            });
            return next;
          });
          requeue(batch.filter((_, i) => !issues.has(i)));
          setState(pending.current.size > 0 ? 'error' : 'idle');
        } else if (isApiError(error, 'attempt_time_up') || isApiError(error, 'attempt_submitted')) {
          onClosedRef.current();
        } else {
          requeue(batch);
          setState('error');
        }
      }
    })();
    inFlight.current = run.finally(() => {
      inFlight.current = null;
    });
    await run;
  }, [attemptId, clearTimer]);

  /** Record an answer; it is saved after `delayMs` without further changes. */
  const setAnswer = useCallback(
    (questionId: string, response: QuizResponse | null, delayMs: number) => {
      pending.current.set(questionId, response);
      clearTimer();
      timer.current = window.setTimeout(() => void flush(), delayMs);
    },
    [flush, clearTimer],
  );

  /** Wait for a save under way, then hand over what is not saved yet (submitting sends it). */
  const takePending = useCallback(async (): Promise<AnswerInput[]> => {
    clearTimer();
    if (inFlight.current) await inFlight.current;
    const batch = [...pending.current].map(([questionId, response]) => ({ questionId, response }));
    pending.current = new Map();
    return batch;
  }, [clearTimer]);

  /** Give back answers a failed submission took, unless newer ones came since. */
  const putBack = useCallback((batch: AnswerInput[]) => {
    for (const a of batch)
      if (!pending.current.has(a.questionId)) pending.current.set(a.questionId, a.response);
  }, []);

  useEffect(() => clearTimer, [clearTimer]);
  return { setAnswer, flush, takePending, putBack, state, errors };
}
