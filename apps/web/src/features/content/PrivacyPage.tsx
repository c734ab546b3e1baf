import { LegalPage } from './LegalPage.tsx';

/** `/privacy`. */
export function PrivacyPage() {
  return <LegalPage which="privacy" />;
}
