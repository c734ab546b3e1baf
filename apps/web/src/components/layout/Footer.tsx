import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Language, SUPPORTED_LANGUAGES } from '../../i18n/index.ts';
import { cn, focusRing } from '../ui/cn.ts';

/** The site-content pages, linked from every page. */
const SITE_LINKS = ['about', 'contact', 'faq', 'privacy', 'terms'] as const;
const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ur: 'اردو' };

/** The server picks the language from the `lang` cookie, so switching sets it and reloads. */
function switchLanguage(language: Language) {
  // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie the server reads on the next request
  document.cookie = `lang=${language}; path=/; max-age=31536000; samesite=lax`;
  window.location.reload();
}

export function Footer() {
  const { t, i18n } = useTranslation();
  return (
    <footer className="border-t border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-col gap-4 px-4 py-8 text-sm text-slate-700 sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p>
          <span className="font-semibold text-slate-900">9tangle</span> · {t('layout.footerTagline')}
        </p>
        <nav aria-label={t('content.footer.label')}>
          <ul className="flex flex-wrap gap-x-4 gap-y-2">
            {SITE_LINKS.map((page) => (
              <li key={page}>
                <Link
                  to={`/${page}`}
                  className={cn('rounded-sm hover:text-indigo-800 hover:underline', focusRing)}
                >
                  {t(`content.footer.${page}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <fieldset className="m-0 flex min-w-0 items-center gap-2 border-0 p-0">
          <legend className="sr-only">{t('layout.language')}</legend>
          {SUPPORTED_LANGUAGES.map((language) => (
            <button
              key={language}
              type="button"
              lang={language}
              aria-pressed={i18n.language === language}
              onClick={() => switchLanguage(language)}
              className={cn(
                'rounded-md px-2 py-1',
                i18n.language === language
                  ? 'bg-indigo-50 font-semibold text-indigo-800'
                  : 'hover:bg-slate-100',
                focusRing,
              )}
            >
              {LANGUAGE_NAMES[language]}
            </button>
          ))}
        </fieldset>
      </div>
    </footer>
  );
}
