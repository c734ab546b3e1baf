import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createDownloadLink } from '../../api/checkout.ts';
import { Button } from '../../components/ui/Button.tsx';

/** Asks for a fresh signed link to a bought file, then lets the browser download it. */
export function DownloadButton({ grantId, title }: { grantId: string; title: string }) {
  const { t } = useTranslation();
  const link = useMutation({
    mutationFn: () => createDownloadLink(grantId),
    onSuccess: ({ url }) => window.location.assign(url),
  });
  return (
    <Button variant="secondary" onClick={() => link.mutate()} isLoading={link.isPending}>
      {t('checkout.success.download', { title })}
    </Button>
  );
}
