import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnnouncementBanner } from './AnnouncementBanner.tsx';
import { useAnnouncements } from './announcements-api.ts';

const STORAGE_KEY = '9t:dismissed-announcements';
/** An edited announcement is a new one to the reader: its dismissal is keyed by id and update time. */
const keyOf = (a: { id: string; updatedAt: string }) => `${a.id}@${a.updatedAt}`;

function readDismissed(): string[] {
  try {
    const value = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return []; // storage blocked or corrupt: show everything
  }
}

/**
 * The site's announcements above every page, as the server rendered them. Dismissals live in this
 * browser only; they are read after hydration (the server cannot know them), so a closed banner may
 * show for a moment on a full page load.
 */
export function AnnouncementBanners() {
  const { t } = useTranslation();
  const { data } = useAnnouncements();
  const [dismissed, setDismissed] = useState<string[]>([]);
  useEffect(() => setDismissed(readDismissed()), []);
  const dismiss = useCallback((key: string) => {
    // Keep only recent keys: the list must not grow for ever.
    const next = [...readDismissed().filter((k) => k !== key), key].slice(-50);
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    } catch {
      // Private mode may refuse: it stays closed for this page view.
    }
    setDismissed(next);
  }, []);

  const shown = (data?.items ?? []).filter((a) => !dismissed.includes(keyOf(a)));
  if (shown.length === 0) return null;
  return (
    <section aria-label={t('announcements.regionLabel')}>
      {shown.map((a) => (
        <AnnouncementBanner
          key={a.id}
          title={a.title}
          message={a.message}
          type={a.type}
          onDismiss={a.dismissible ? () => dismiss(keyOf(a)) : undefined}
        />
      ))}
    </section>
  );
}
