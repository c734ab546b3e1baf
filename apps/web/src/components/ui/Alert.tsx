import type { ReactNode } from 'react';
import { cn } from './cn.ts';

const tones = {
  error: 'border-red-200 bg-red-50 text-red-900',
  success: 'border-emerald-200 bg-emerald-50 text-emerald-900',
  info: 'border-indigo-200 bg-indigo-50 text-indigo-950',
  warning: 'border-amber-300 bg-amber-50 text-amber-950',
} as const;

type AlertProps = { tone?: keyof typeof tones; children: ReactNode; className?: string };

/** A message box; errors are announced immediately (`role="alert"`), the rest politely. */
export function Alert({ tone = 'info', children, className }: AlertProps) {
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={cn('rounded-lg border px-4 py-3 text-sm', tones[tone], className)}
    >
      {children}
    </div>
  );
}
