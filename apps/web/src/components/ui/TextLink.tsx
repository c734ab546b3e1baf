import { Link, type LinkProps } from 'react-router';
import { cn, focusRing } from './cn.ts';

export const textLinkClasses = cn(
  'rounded font-medium text-indigo-700 underline-offset-4 hover:text-indigo-800 hover:underline',
  focusRing,
);

/** An in-app link styled as text. */
export function TextLink({ className, ...props }: LinkProps) {
  return <Link className={cn(textLinkClasses, className)} {...props} />;
}
