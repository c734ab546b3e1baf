import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { CheckboxField } from '../../components/ui/CheckboxField.tsx';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { useSiteSettings, useUpdateSiteSettings } from './admin-courses-queries.ts';

/** The site setting "publishing needs an admin's approval", saved as soon as it is toggled. */
export function ApprovalSetting() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const settings = useSiteSettings();
  const update = useUpdateSiteSettings();
  const [asked, setAsked] = useState<boolean | null>(null);
  return (
    <section
      aria-labelledby="approval-title"
      className="space-y-3 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h2 id="approval-title" className="text-lg font-semibold text-slate-900">
        {t('adminCourses.settingTitle')}
      </h2>
      {settings.isError ? <Alert tone="error">{errorMessage(settings.error)}</Alert> : null}
      <CheckboxField
        label={t('adminCourses.approvalLabel')}
        hint={t('adminCourses.approvalHint')}
        checked={asked ?? settings.data?.coursePublishingRequiresApproval ?? false}
        disabled={!settings.data || update.isPending}
        onChange={(event) => {
          const value = event.currentTarget.checked;
          // Set in the event itself: the box shows the new value at once instead of flicking back
          // until the mutation's state arrives; the server's answer replaces it.
          setAsked(value);
          update.mutate({ coursePublishingRequiresApproval: value }, { onSettled: () => setAsked(null) });
        }}
      />
      {update.isError ? <Alert tone="error">{errorMessage(update.error)}</Alert> : null}
      {update.isSuccess ? (
        <p role="status" className="text-sm text-emerald-800">
          {t('adminCourses.settingSaved')}
        </p>
      ) : null}
    </section>
  );
}
