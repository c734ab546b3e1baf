import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Button } from '../../components/ui/Button.tsx';

/**
 * A filter bar whose fields' names are the URL's query keys: submitting replaces the query (and goes
 * back to page 1), so a filtered view can be bookmarked and shared. Fields outside `names` are kept.
 */
export function FilterForm(p: { names: readonly string[]; children: ReactNode }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const out = new URLSearchParams();
    for (const k of p.names) {
      const v = String(form.get(k) ?? params.get(k) ?? '').trim();
      if (v && k !== 'page') out.set(k, v);
    }
    setParams(out);
  }
  return (
    <search>
      <form onSubmit={apply} className="mt-6 flex flex-wrap items-end gap-3" key={params.toString()}>
        {p.children}
        <Button type="submit" variant="secondary">
          {t('adminAudit.apply')}
        </Button>
        {params.toString() ? (
          <Button variant="ghost" onClick={() => setParams(new URLSearchParams())}>
            {t('adminAudit.clear')}
          </Button>
        ) : null}
      </form>
    </search>
  );
}

/** Read the filters from the URL. */
export function useFilters<K extends string>(names: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(
    names.map((k) => [k, params.get(k) ?? '']).filter(([, v]) => v),
  ) as Partial<Record<K, string>>;
  const goTo = (page: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(page));
    setParams(next);
  };
  return { filters, goTo };
}
