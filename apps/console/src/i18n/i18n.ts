import { en, type MessageKey } from './messages-en.js';
import { zh } from './messages-zh.js';

export type Locale = 'en' | 'zh-CN';
export type { MessageKey };

const TABLES: Record<Locale, Record<MessageKey, string>> = { en, 'zh-CN': zh };
export const LOCALES: [Locale, string][] = [
  ['en', 'English'],
  ['zh-CN', '简体中文'],
];
const STORAGE_KEY = 'pressroom.console.locale';

/** The reader's choice if made, else the browser's language: any zh-* reads Simplified Chinese. */
function initialLocale(): Locale {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'zh-CN') return saved;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

let locale: Locale = initialLocale();

export function currentLocale(): Locale {
  return locale;
}

export function setLocale(next: Locale): void {
  locale = next;
  localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
}

/** The message for `key` in the current language, with {name} placeholders filled. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return TABLES[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Like t() for keys built at run time (a status, a code); undefined when there is none. */
export function tMaybe(key: string, params: Record<string, string | number> = {}): string | undefined {
  return Object.hasOwn(TABLES[locale], key) ? t(key as MessageKey, params) : undefined;
}

/** The reader's time zone, as the browser reports it (e.g. Asia/Shanghai). */
export function timeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** An instant in the reader's zone and language, the zone shown (e.g. "GMT+8"). */
/** For dates and numbers: the browser's own English (en-GB, en-US...) when reading English. */
function formattingLocale(): string {
  return locale === 'en' && navigator.language.toLowerCase().startsWith('en') ? navigator.language : locale;
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  // dateStyle/timeStyle cannot be combined with timeZoneName, hence the fields one by one.
  const options: Intl.DateTimeFormatOptions = {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  };
  return new Intl.DateTimeFormat(formattingLocale(), options).format(new Date(iso));
}

export function formatNumber(n: number, digits = 0): string {
  return new Intl.NumberFormat(formattingLocale(), { maximumFractionDigits: digits }).format(n);
}
