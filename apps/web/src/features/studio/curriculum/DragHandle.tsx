import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';

type DragHandleProps = {
  draggable: boolean;
  onDragStart: (event: DragEvent<HTMLElement>) => void;
  onDragEnd: () => void;
};

/**
 * The grip to drag an item by. Hidden from assistive technology: the "Move up/down" buttons next to it
 * do the same from the keyboard.
 */
export function DragHandle(props: DragHandleProps) {
  const { t } = useTranslation();
  return (
    <span
      {...props}
      aria-hidden="true"
      title={t('studio.curriculum.dragHint')}
      className="grid size-8 shrink-0 cursor-grab place-items-center rounded-md text-slate-500 hover:bg-slate-100 active:cursor-grabbing"
    >
      <svg viewBox="0 0 20 20" className="size-4 fill-current" aria-hidden="true">
        <circle cx="7" cy="5" r="1.5" />
        <circle cx="13" cy="5" r="1.5" />
        <circle cx="7" cy="10" r="1.5" />
        <circle cx="13" cy="10" r="1.5" />
        <circle cx="7" cy="15" r="1.5" />
        <circle cx="13" cy="15" r="1.5" />
      </svg>
    </span>
  );
}
