import { type ReactNode, useEffect, useRef } from 'react';
import { cn } from './cn.ts';

type ModalProps = {
  open: boolean;
  onClose: () => void;
  /** The id of the heading that names the dialog. */
  labelledBy: string;
  describedBy?: string;
  className?: string;
  children: ReactNode;
};

/**
 * A modal built on the native `<dialog>`: the browser makes the page behind it inert, traps focus,
 * closes it on Escape and restores focus afterwards. Unlike a scroll-lock library it injects no
 * `<style>` element, so it works under a strict `style-src 'self'` Content Security Policy.
 */
export function Modal({ open, onClose, labelledBy, describedBy, className, children }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard way to close is Escape, built into <dialog>
    <dialog
      ref={ref}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onClose={onClose}
      // A click on the backdrop lands on the <dialog> itself; clicks inside land on its children.
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
      className={cn(
        'm-auto max-h-[calc(100dvh-2rem)] w-[calc(100%-1rem)] overflow-hidden rounded-2xl bg-white p-0 shadow-xl',
        'backdrop:bg-slate-900/50',
        className,
      )}
    >
      {open ? children : null}
    </dialog>
  );
}
