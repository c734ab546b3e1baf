import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button.tsx';

type Direction = 'up' | 'down';

type ReorderButtonsProps = {
  index: number;
  count: number;
  /** The item's name, for the buttons' labels ("Move “Intro” up"). */
  name: string;
  disabled?: boolean;
  onMove: (from: number, to: number) => void;
};

/**
 * "Move up" and "Move down": the keyboard (and screen reader) way to reorder. After a move the focus
 * stays on the button that was pressed, or on the other one when the item reached an end.
 */
export function ReorderButtons({ index, count, name, disabled = false, onMove }: ReorderButtonsProps) {
  const { t } = useTranslation();
  const upRef = useRef<HTMLButtonElement>(null);
  const downRef = useRef<HTMLButtonElement>(null);
  const [lastMove, setLastMove] = useState<Direction | null>(null);
  const isFirst = index === 0;
  const isLast = index === count - 1;

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the item's position changes
  useEffect(() => {
    if (!lastMove) return;
    const wanted = lastMove === 'up' ? (isFirst ? downRef : upRef) : isLast ? upRef : downRef;
    wanted.current?.focus();
    setLastMove(null);
  }, [index]);

  function move(direction: Direction) {
    setLastMove(direction);
    onMove(index, direction === 'up' ? index - 1 : index + 1);
  }

  return (
    <span className="inline-flex gap-1">
      <Button
        ref={upRef}
        size="sm"
        variant="ghost"
        disabled={disabled || isFirst}
        aria-label={t('studio.curriculum.moveUp', { name })}
        title={t('studio.curriculum.moveUp', { name })}
        onClick={() => move('up')}
      >
        <span aria-hidden="true">↑</span>
      </Button>
      <Button
        ref={downRef}
        size="sm"
        variant="ghost"
        disabled={disabled || isLast}
        aria-label={t('studio.curriculum.moveDown', { name })}
        title={t('studio.curriculum.moveDown', { name })}
        onClick={() => move('down')}
      >
        <span aria-hidden="true">↓</span>
      </Button>
    </span>
  );
}
