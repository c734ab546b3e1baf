import type { BulkStatusBody, BulkStatusResult } from '@9tangle/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { SelectField } from '../../components/ui/SelectField.tsx';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { useBulkStatus } from './admin-orders-queries.ts';

const TARGETS: BulkStatusBody['status'][] = ['processing', 'shipped', 'delivered', 'fulfilled', 'cancelled'];

/** Set the status of the checked orders; the server applies what it may and reports the rest. */
export function BulkStatusBar({ numbers, onDone }: { numbers: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [status, setStatus] = useState<BulkStatusBody['status']>('processing');
  const [tracking, setTracking] = useState('');
  const [results, setResults] = useState<BulkStatusResult['results'] | null>(null);
  const bulk = useBulkStatus();
  const failed = results?.filter((r) => !r.ok) ?? [];
  return (
    <section
      aria-label={t('adminOrders.bulkTitle')}
      className="mt-6 rounded-xl border border-slate-200 bg-white p-4"
    >
      <div className="flex flex-wrap items-end gap-3">
        <p className="text-sm text-slate-700">{t('adminOrders.selectedCount', { count: numbers.length })}</p>
        <SelectField
          label={t('adminOrders.newStatus')}
          name="bulkStatus"
          className="w-44"
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as BulkStatusBody['status'])}
          options={TARGETS.map((s) => ({ value: s, label: t(`adminOrders.statuses.${s}`) }))}
        />
        {status === 'shipped' ? (
          <Field
            label={t('adminOrders.trackingNumber')}
            name="trackingNumber"
            className="w-52"
            value={tracking}
            onChange={(e) => setTracking(e.currentTarget.value)}
          />
        ) : null}
        <Button
          disabled={numbers.length === 0}
          isLoading={bulk.isPending}
          onClick={() =>
            bulk.mutate(
              {
                numbers,
                status,
                ...(status === 'shipped' && tracking.trim() ? { trackingNumber: tracking.trim() } : {}),
              },
              {
                onSuccess: (r) => {
                  setResults(r.results);
                  onDone();
                },
              },
            )
          }
        >
          {t('adminOrders.applyStatus')}
        </Button>
      </div>
      {bulk.isError ? (
        <Alert tone="error" className="mt-3">
          {errorMessage(bulk.error)}
        </Alert>
      ) : null}
      {results ? (
        <Alert tone={failed.length ? 'error' : 'success'} className="mt-3">
          {t('adminOrders.bulkDone', { ok: results.length - failed.length, failed: failed.length })}
          {failed.length ? (
            <ul className="mt-2 list-disc ps-5">
              {failed.map((r) => (
                <li key={r.number}>
                  <span dir="ltr">{r.number}</span>:{' '}
                  {r.error ? t(`errors.${r.error.code}`, { defaultValue: r.error.message }) : ''}
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
    </section>
  );
}
