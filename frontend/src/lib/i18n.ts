import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import en from '@/locales/en.json';
import vi from '@/locales/vi.json';

export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];

const defaultLanguage: Language = 'vi';
const storageKey = 'language';

declare module 'i18next' {
  interface CustomTypeOptions {
    // Typed keys: a missing or misspelt key fails the typecheck instead of showing raw keys.
    resources: { translation: typeof vi };
  }
}

export function isLanguage(value: unknown): value is Language {
  return languages.includes(value as Language);
}

function readStoredLanguage(): Language {
  try {
    const stored = localStorage.getItem(storageKey);
    return isLanguage(stored) ? stored : defaultLanguage;
  } catch {
    // Storage can be blocked (privacy modes); the default is still usable.
    return defaultLanguage;
  }
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: readStoredLanguage(),
  fallbackLng: defaultLanguage,
  supportedLngs: languages,
  // Resources are bundled, so there is nothing to wait for.
  initAsync: false,
  interpolation: { escapeValue: false },
});

export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : defaultLanguage;
}

export async function setLanguage(lng: Language): Promise<void> {
  try {
    localStorage.setItem(storageKey, lng);
  } catch {
    // Not persisted; the switch still applies to this session.
  }
  await i18n.changeLanguage(lng);
}

/** The active UI language, re-rendering the caller when it changes. */
export function useLanguage(): Language {
  const { i18n: instance } = useTranslation();
  return isLanguage(instance.resolvedLanguage) ? instance.resolvedLanguage : defaultLanguage;
}

export { i18n };
