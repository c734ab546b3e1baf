import { type DragEvent, useRef, useState } from 'react';

// A private type, so a drag from elsewhere (a file, a link, text) is never taken for a reorder.
const DRAG_TYPE = 'application/x-9tangle-reorder';

/**
 * Native HTML5 drag and drop within one list. Each hook instance only accepts drops of its own items,
 * so lessons cannot be dropped into another section or onto the section list; events stop at the
 * innermost list that handles them. Keyboard users move items with the "Move up/down" buttons.
 */
export function useDragReorder(ids: readonly string[], onReorder: (from: number, to: number) => void) {
  const draggedId = useRef<string | null>(null);
  const [overId, setOverId] = useState<string | null>(null);

  function end() {
    draggedId.current = null;
    setOverId(null);
  }

  /** For the drag handle: starts a drag of the item (showing the whole item as the drag image). */
  function handleProps(id: string, itemRef: { current: HTMLElement | null }) {
    return {
      draggable: true,
      onDragStart: (event: DragEvent<HTMLElement>) => {
        event.stopPropagation();
        draggedId.current = id;
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData(DRAG_TYPE, id);
        if (itemRef.current) event.dataTransfer.setDragImage(itemRef.current, 16, 16);
      },
      onDragEnd: end,
    };
  }

  /** For the item: a drop target that takes the dragged item's place. */
  function dropProps(id: string) {
    return {
      onDragOver: (event: DragEvent<HTMLElement>) => {
        if (!draggedId.current) return;
        event.preventDefault();
        event.stopPropagation();
        event.dataTransfer.dropEffect = 'move';
        if (overId !== id) setOverId(id);
      },
      onDrop: (event: DragEvent<HTMLElement>) => {
        const dragged = draggedId.current;
        if (!dragged) return;
        event.preventDefault();
        event.stopPropagation();
        end();
        const from = ids.indexOf(dragged);
        const to = ids.indexOf(id);
        if (from >= 0 && to >= 0 && from !== to) onReorder(from, to);
      },
    };
  }

  return { handleProps, dropProps, overId };
}
