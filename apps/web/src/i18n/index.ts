import { createInstance, type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import enBase from './en.json';
import urBase from './ur.json';

export const SUPPORTED_LANGUAGES = ['en', 'ur'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
const RTL_LANGUAGES: ReadonlySet<string> = new Set(['ar', 'fa', 'he', 'ur']);

/** The supported language for a tag such as `ur-PK`; English for anything unknown. */
export function resolveLanguage(tag: string | null | undefined): Language {
  const base = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return SUPPORTED_LANGUAGES.find((language) => language === base) ?? 'en';
}

export function directionOf(language: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}

type Messages = Record<string, unknown>;

/**
 * Each feature may keep its strings in a file of its own, `en/<feature>.json` (and `ur/<feature>.json`),
 * whose top-level keys join the base file's: a feature's strings live beside nothing else's.
 */
const featureFiles = {
  en: import.meta.glob<Messages>('./en/*.json', { eager: true, import: 'default' }),
  ur: import.meta.glob<Messages>('./ur/*.json', { eager: true, import: 'default' }),
};

function merge(base: Messages, files: Record<string, Messages>): Messages {
  const out: Messages = { ...base };
  for (const [file, messages] of Object.entries(files)) {
    for (const [key, value] of Object.entries(messages)) {
      if (key in out) throw new Error(`i18n: key "${key}" of ${file} is already defined`);
      out[key] = value;
    }
  }
  return out;
}

const en = merge(enBase, featureFiles.en);
const ur = merge(urBase, featureFiles.ur);

/**
 * A fresh i18next instance, initialised synchronously with the bundled resources, so the first
 * render (on the server and at hydration) already has every string. One instance per server render
 * keeps concurrent requests in different languages apart.
 */
export function createI18n(language: Language): I18n {
  const instance = createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...SUPPORTED_LANGUAGES],
    resources: { en: { translation: en }, ur: { translation: ur } },
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  return instance;
}
