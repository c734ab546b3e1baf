import type { ReactNode } from 'react';

type FieldMessagesProps = { hint?: ReactNode; hintId: string; error?: string | undefined; errorId: string };

/** A field's hint and error, under the control, with the ids its `aria-describedby` names. */
export function FieldMessages({ hint, hintId, error, errorId }: FieldMessagesProps) {
  return (
    <>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </>
  );
}
