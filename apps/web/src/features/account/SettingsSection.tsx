import type { ReactNode } from 'react';
import { Card } from '../../components/ui/Card.tsx';

type SettingsSectionProps = { id: string; title: string; description?: string; children: ReactNode };

/** One block of the account settings page, reachable from the page's section links by `#id`. */
export function SettingsSection({ id, title, description, children }: SettingsSectionProps) {
  const headingId = `${id}-title`;
  return (
    <section id={id} aria-labelledby={headingId} className="scroll-mt-6">
      <Card>
        <h2 id={headingId} className="text-xl font-semibold text-slate-900">
          {title}
        </h2>
        {description ? <p className="mt-1 text-slate-700">{description}</p> : null}
        <div className="mt-6">{children}</div>
      </Card>
    </section>
  );
}
