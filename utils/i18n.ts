/**
 * UI strings with a user-selectable language. browser.i18n follows the
 * browser's language only, so pages read the same locales/ files (which WXT's
 * i18n module also turns into _locales for the manifest) and pick by setting.
 */
import en from '../locales/en.json';
import zhCN from '../locales/zh_CN.json';
import type { UiLanguage } from './settings';

export type MessageKey = keyof typeof en;
const TABLES: Record<'en' | 'zh_CN', Record<string, string>> = { en, zh_CN: zhCN };

export function resolveLanguage(setting: UiLanguage, uiLanguage?: string): 'en' | 'zh_CN' {
  if (setting !== 'auto') return setting;
  const lang = (uiLanguage ?? (typeof navigator !== 'undefined' ? navigator.language : 'en')).toLowerCase();
  return lang.startsWith('zh') ? 'zh_CN' : 'en';
}

export type Translate = (key: MessageKey, ...subs: string[]) => string;

export function translator(lang: 'en' | 'zh_CN'): Translate {
  const table = TABLES[lang];
  return (key, ...subs) => {
    const msg = table[key] ?? en[key] ?? key;
    return msg.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  };
}
