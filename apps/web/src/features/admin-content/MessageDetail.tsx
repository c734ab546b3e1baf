import type { ContactMessageDto, ContactMessageStatus } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { Button, buttonClasses } from '../../components/ui/Button.tsx';

/** One message: who, when, the text, and what the admin can do with it (reply by mail, mark, delete). */
export function MessageDetail({
  message,
  isBusy,
  onStatus,
  onDelete,
}: {
  message: ContactMessageDto;
  isBusy: boolean;
  onStatus: (status: ContactMessageStatus) => void;
  onDelete: () => void;
}) {
  const { t, i18n } = useTranslation();
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(message.createdAt),
  );
  const reply = `mailto:${encodeURIComponent(message.email)}?subject=${encodeURIComponent(`Re: ${message.subject}`)}`;
  return (
    <article
      aria-labelledby="message-subject"
      className="space-y-4 rounded-2xl border border-slate-200 bg-white p-6"
    >
      <header>
        <h2 id="message-subject" className="text-lg font-semibold text-slate-900">
          {message.subject}
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          {message.name} · <span dir="ltr">{message.email}</span> ·{' '}
          <time dateTime={message.createdAt}>{when}</time>
        </p>
        <p className="mt-1 text-sm text-slate-700">
          {t('adminContent.messages.statusLabel')}: {t(`adminContent.messages.status.${message.status}`)}
        </p>
      </header>
      <p className="whitespace-pre-line break-words text-slate-900">{message.message}</p>
      <div className="flex flex-wrap gap-2">
        <a
          href={reply}
          className={buttonClasses('primary', 'sm')}
          onClick={() => {
            if (message.status !== 'answered') onStatus('answered');
          }}
        >
          {t('adminContent.messages.reply')}
        </a>
        {(['read', 'answered', 'new', 'spam'] as const)
          .filter((s) => s !== message.status)
          .map((s) => (
            <Button key={s} size="sm" variant="secondary" disabled={isBusy} onClick={() => onStatus(s)}>
              {t(`adminContent.messages.mark.${s}`)}
            </Button>
          ))}
        {message.status === 'spam' ? (
          <Button size="sm" variant="danger" disabled={isBusy} onClick={onDelete}>
            {t('adminContent.delete')}
          </Button>
        ) : null}
      </div>
    </article>
  );
}
