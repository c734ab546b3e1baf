import { QUIZ_LIMITS, type QuizResponse } from '@9tangle/contracts';
import type { QuizQuestionRow } from '../../../db/schema/index.ts';
import { parseNumericInput, type StoredResponse } from './quiz-grading.ts';

/**
 * A student's response checked against its question's type, as it will be stored, or the reason it
 * is refused. Choices must be options of the question (one for single choice); a numeric answer is
 * parsed here (see `parseNumericInput`) and stored with the text as typed.
 */
export function checkResponse(
  q: Pick<QuizQuestionRow, 'type' | 'options'>,
  r: QuizResponse,
): { ok: true; response: StoredResponse } | { ok: false; message: string } {
  const refuse = (message: string) => ({ ok: false as const, message });
  switch (q.type) {
    case 'single_choice':
    case 'multiple_choice': {
      if (!('optionIds' in r)) return refuse('Choose among the options');
      const ids = new Set(q.options.map((o) => o.id));
      const chosen = [...new Set(r.optionIds)];
      if (chosen.some((id) => !ids.has(id))) return refuse('Not an option of this question');
      if (q.type === 'single_choice' && chosen.length > 1) return refuse('Choose one option');
      return { ok: true, response: { optionIds: chosen } };
    }
    case 'true_false':
      if (!('value' in r) || typeof r.value !== 'boolean') return refuse('Answer true or false');
      return { ok: true, response: { value: r.value } };
    case 'short_answer':
      if (!('text' in r)) return refuse('Type an answer');
      return { ok: true, response: { text: r.text } };
    case 'numeric': {
      if (!('text' in r)) return refuse('Type a number');
      if (r.text.trim() === '') return { ok: true, response: { text: '' } };
      if (r.text.length > QUIZ_LIMITS.numericText) return refuse('That number is too long');
      const value = parseNumericInput(r.text);
      if (value === null) return refuse('Type a number such as 3.14 or 3,14 (no thousands separators)');
      return { ok: true, response: { text: r.text, value } };
    }
  }
}
