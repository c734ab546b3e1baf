import * as Label from '@radix-ui/react-label';
import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { cn } from './cn.ts';
import { inputClasses } from './Field.tsx';
import { FieldMessages } from './FieldMessages.tsx';
import { useFieldIds } from './field-ids.ts';

type TextareaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & {
  label: string;
  name: string;
  hint?: ReactNode;
  error?: string | undefined;
};

/** A labelled `<textarea>` with its hint and error announced. */
export function TextareaField({
  label,
  name,
  hint,
  error,
  className,
  rows = 4,
  ...props
}: TextareaFieldProps) {
  const { id, hintId, errorId, describedBy } = useFieldIds(hint, error);
  return (
    <div className={cn('space-y-1.5', className)}>
      <Label.Root htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </Label.Root>
      <textarea
        id={id}
        name={name}
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={cn(inputClasses, error ? 'border-red-600' : 'border-slate-300')}
        {...props}
      />
      <FieldMessages hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </div>
  );
}
