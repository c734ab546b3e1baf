import { useTranslation } from 'react-i18next';
import { Button } from './Button.tsx';

type PaginationProps = {
  page: number;
  pages: number;
  total: number;
  onPage: (page: number) => void;
  /** What is counted, when it is not mail ("Page 1 of 3 · 52 students"). */
  summary?: string;
};

/** Previous / next paging with "page X of Y" in between. */
export function Pagination({ page, pages, total, onPage, summary }: PaginationProps) {
  const { t } = useTranslation();
  const lastPage = Math.max(1, pages);
  return (
    <nav
      aria-label={t('pagination.label')}
      className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm text-slate-700"
    >
      <p>{summary ?? t('pagination.summary', { page, pages: lastPage, count: total })}</p>
      <div className="flex gap-2">
        <Button size="sm" variant="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          {t('pagination.previous')}
        </Button>
        <Button size="sm" variant="secondary" disabled={page >= lastPage} onClick={() => onPage(page + 1)}>
          {t('pagination.next')}
        </Button>
      </div>
    </nav>
  );
}
