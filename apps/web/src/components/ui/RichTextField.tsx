import { useDeferredValue, useState } from 'react';
import { cn } from './cn.ts';
import { TextareaField } from './TextareaField.tsx';

type RichTextFieldProps = {
  label: string;
  name: string;
  hint: string;
  previewLabel: string;
  defaultValue: string;
  error?: string | undefined;
  rows?: number;
  maxLength?: number;
  /** The preview frame's height (a Tailwind class). */
  previewClassName?: string;
  className?: string;
};

/**
 * Rich text typed as HTML, with a live preview in a sandboxed `srcdoc` frame (no scripts, an opaque
 * origin), so nothing typed here can run in the page. The server keeps only allowlisted markup when it
 * is saved, and the public pages show that version.
 */
export function RichTextField({
  label,
  name,
  hint,
  previewLabel,
  defaultValue,
  error,
  rows = 10,
  maxLength,
  previewClassName = 'h-56',
  className,
}: RichTextFieldProps) {
  const [html, setHtml] = useState(defaultValue);
  const preview = useDeferredValue(html);
  return (
    <div className={cn('space-y-3', className)}>
      <TextareaField
        label={label}
        name={name}
        value={html}
        onChange={(event) => setHtml(event.currentTarget.value)}
        dir="ltr"
        rows={rows}
        maxLength={maxLength}
        spellCheck
        hint={hint}
        error={error}
      />
      <div>
        <p className="text-sm font-medium text-slate-800">{previewLabel}</p>
        <iframe
          title={previewLabel}
          sandbox=""
          srcDoc={preview}
          className={cn('mt-1.5 w-full rounded-lg border border-slate-300 bg-white', previewClassName)}
        />
      </div>
    </div>
  );
}
