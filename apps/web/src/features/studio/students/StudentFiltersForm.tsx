import { AccessStates, StudentSorts } from '@9tangle/contracts';
import { type FormEvent, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button.tsx';
import { cn } from '../../../components/ui/cn.ts';
import { inputClasses } from '../../../components/ui/Field.tsx';
import type { StudentFilters } from './students-queries.ts';

type StudentFiltersFormProps = {
  filters: StudentFilters;
  onChange: (next: StudentFilters) => void;
  /** Extra controls (the course filter of the all-students page). */
  children?: React.ReactNode;
};

const selectClasses = cn(inputClasses, 'border-slate-300');

/** Search by name (or a whole email address), sort, order and access; any change goes back to page 1. */
export function StudentFiltersForm({ filters, onChange, children }: StudentFiltersFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const set = (patch: Partial<StudentFilters>) => onChange({ ...filters, ...patch, page: 1 });

  function onSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = String(new FormData(event.currentTarget).get('q') ?? '').trim();
    set({ q: q || undefined });
  }

  return (
    <div className="flex flex-wrap items-end gap-4">
      <search className="min-w-64 flex-1">
        <form onSubmit={onSearch} className="flex items-end gap-2">
          <div className="flex-1 space-y-1.5">
            <label htmlFor={`${id}-q`} className="block text-sm font-medium text-slate-800">
              {t('studioPeople.search')}
            </label>
            <input
              id={`${id}-q`}
              name="q"
              type="search"
              defaultValue={filters.q ?? ''}
              maxLength={100}
              className={selectClasses}
            />
          </div>
          <Button type="submit" variant="secondary">
            {t('studioPeople.searchButton')}
          </Button>
        </form>
      </search>
      {children}
      <div className="w-56 space-y-1.5">
        <label htmlFor={`${id}-sort`} className="block text-sm font-medium text-slate-800">
          {t('studioPeople.sortLabel')}
        </label>
        <select
          id={`${id}-sort`}
          value={`${filters.sort}:${filters.order}`}
          onChange={(event) => {
            const [sort, order] = event.currentTarget.value.split(':') as [
              StudentFilters['sort'],
              'asc' | 'desc',
            ];
            set({ sort, order });
          }}
          className={selectClasses}
        >
          {StudentSorts.flatMap((sort) =>
            (['desc', 'asc'] as const).map((order) => (
              <option key={`${sort}:${order}`} value={`${sort}:${order}`}>
                {t(`studioPeople.sort.${sort}_${order}`)}
              </option>
            )),
          )}
        </select>
      </div>
      <div className="w-40 space-y-1.5">
        <label htmlFor={`${id}-access`} className="block text-sm font-medium text-slate-800">
          {t('studioPeople.accessLabel')}
        </label>
        <select
          id={`${id}-access`}
          value={filters.access ?? ''}
          onChange={(event) => {
            const value = AccessStates.find((a) => a === event.currentTarget.value);
            set({ access: value });
          }}
          className={selectClasses}
        >
          <option value="">{t('studioPeople.allAccess')}</option>
          {AccessStates.map((access) => (
            <option key={access} value={access}>
              {t(`studioPeople.access.${access}`)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
