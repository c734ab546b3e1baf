import { afterEach, beforeEach, expect, vi } from 'vitest';

/** A `console.error` during a test is a bug somewhere (STYLE.md): collect them and fail the test. */
let errors: string[] = [];
beforeEach(() => {
  errors = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    errors.push(args.map(String).join(' '));
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  expect(errors, 'console.error was called').toEqual([]);
});
