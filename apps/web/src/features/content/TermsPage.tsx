import { LegalPage } from './LegalPage.tsx';

/** `/terms`. */
export function TermsPage() {
  return <LegalPage which="terms" />;
}
