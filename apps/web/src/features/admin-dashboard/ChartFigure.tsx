import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/Button.tsx';

type Props = {
  title: string;
  /** What the chart shows, read by everyone (and the figure's accessible name). */
  caption: string;
  columns: string[];
  rows: { label: string; cells: string[] }[];
  children: ReactNode;
};

/**
 * A chart in a `<figure>` with its caption and the same figures as a table: hidden from sight (but
 * read by screen readers) until "Show as table" is pressed; the drawing itself is hidden from them.
 */
export function ChartFigure({ title, caption, columns, rows, children }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [asTable, setAsTable] = useState(false);
  return (
    <figure
      aria-labelledby={`${id}-title`}
      className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
            {title}
          </h2>
          <figcaption className="mt-1 text-sm text-slate-700">{caption}</figcaption>
        </div>
        <Button size="sm" variant="secondary" aria-expanded={asTable} onClick={() => setAsTable((v) => !v)}>
          {asTable ? t('adminDashboard.showChart') : t('adminDashboard.showTable')}
        </Button>
      </div>
      <div aria-hidden="true" className={asTable ? 'hidden' : 'mt-4 h-64'}>
        {children}
      </div>
      <div className={asTable ? 'mt-4 max-h-96 overflow-auto' : 'sr-only'}>
        <table className="w-full text-start text-sm">
          <caption className="sr-only">{title}</caption>
          <thead className="bg-slate-50 text-slate-700">
            <tr>
              {columns.map((c) => (
                <th key={c} scope="col" className="px-3 py-2 text-start font-semibold">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row" className="px-3 py-1.5 text-start font-normal text-slate-900">
                  {r.label}
                </th>
                {r.cells.map((cell, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the cells of a row are fixed columns
                  <td key={i} className="px-3 py-1.5 tabular-nums text-slate-800">
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
