import type { AdvisoryReport, CheckStatus } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';

type Advisory = AdvisoryReport['advisories'][number];

/** The dependency advisories of the build's `npm audit` report, as the advisories check read them. */
export function AdvisoriesList({ check }: { check: CheckStatus | undefined }) {
  const { t } = useTranslation();
  const advisories = (check?.details?.advisories ?? []) as Advisory[];
  return (
    <section aria-labelledby="advisories" className="space-y-3">
      <h2 id="advisories" className="text-lg font-semibold text-slate-900">
        {t('adminOperations.advisories.title')}
      </h2>
      <p className="text-sm text-slate-700">{check?.message ?? t('adminOperations.advisories.notRun')}</p>
      {advisories.length === 0 ? (
        <p className="text-sm text-slate-700">{t('adminOperations.advisories.none')}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-start text-sm">
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2 text-start">
                  {t('adminOperations.advisories.package')}
                </th>
                <th scope="col" className="px-3 py-2 text-start">
                  {t('adminOperations.advisories.severity')}
                </th>
                <th scope="col" className="px-3 py-2 text-start">
                  {t('adminOperations.advisories.advisory')}
                </th>
                <th scope="col" className="px-3 py-2 text-start">
                  {t('adminOperations.advisories.fix')}
                </th>
              </tr>
            </thead>
            <tbody>
              {advisories.map((a) => (
                <tr key={`${a.name}-${a.title}`} className="border-t border-slate-200">
                  <td className="px-3 py-2 font-mono">
                    {a.name}
                    {a.range ? <span className="block text-xs text-slate-700">{a.range}</span> : null}
                  </td>
                  <td className="px-3 py-2">{t(`adminOperations.advisories.severities.${a.severity}`)}</td>
                  <td className="px-3 py-2">
                    {a.url?.startsWith('https://') ? (
                      <a
                        className="text-indigo-700 hover:underline"
                        href={a.url}
                        rel="noreferrer noopener"
                        target="_blank"
                      >
                        {a.title}
                      </a>
                    ) : (
                      a.title
                    )}
                  </td>
                  <td className="px-3 py-2">
                    {a.fixAvailable
                      ? t('adminOperations.advisories.fixYes')
                      : t('adminOperations.advisories.fixNo')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
