/**
 * The portal's languages: Russian (the default) and English. Every text a person reads comes from
 * the catalogues in `messages/`, never from a literal in a feature. The choice is kept in
 * `localStorage` (`bloom.lang`); without one, the browser's language decides.
 */
import { en } from './messages/en';
import { ru, type MessageKey } from './messages/ru';

export type Lang = 'ru' | 'en';
export type { MessageKey };

const catalogues: Record<Lang, Record<MessageKey, string>> = { ru, en };
const STORAGE_KEY = 'bloom.lang';

function initialLang(): Lang {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored === 'ru' || stored === 'en') return stored;
  } catch {
    // Storage may be unavailable (private mode); fall back to the browser's language.
  }
  const browser = typeof navigator === 'undefined' ? 'ru' : navigator.language;
  return browser.toLowerCase().startsWith('en') ? 'en' : 'ru';
}

let current: Lang = initialLang();

/** The language texts are shown in. */
export function lang(): Lang {
  return current;
}

/** The BCP 47 tag for `Intl` formatting in the current language. */
export function intlLocale(): string {
  return current === 'en' ? 'en-GB' : 'ru-RU';
}

/** Switches the language (remembered); the caller renders the page again. */
export function setLang(next: Lang): void {
  current = next;
  try {
    window.localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Not remembered; the choice holds for this page only.
  }
  document.documentElement.lang = next;
}

/** The reason a provisioning step failed, from its code (`lastError`); unknown codes read as internal. */
export function failureReason(code: string): string {
  const key = `signup.failure.${code}`;
  return key in ru ? t(key as MessageKey) : t('signup.failure.internal');
}

/** The text of `key` in the current language, with `{param}` placeholders filled in. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = catalogues[current][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
