import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import enCommon from '@/locales/en.json';
import enAdmin from '@/locales/en/admin.json';
import enDashboard from '@/locales/en/dashboard.json';
import enPlan from '@/locales/en/plan.json';
import enReview from '@/locales/en/review.json';
import enWork from '@/locales/en/work.json';
import viCommon from '@/locales/vi.json';
import viAdmin from '@/locales/vi/admin.json';
import viDashboard from '@/locales/vi/dashboard.json';
import viPlan from '@/locales/vi/plan.json';
import viReview from '@/locales/vi/review.json';
import viWork from '@/locales/vi/work.json';

// Shared text in <lang>.json; a screen's own text in <lang>/<screen>.json, under the screen's key.
const vi = {
  ...viCommon,
  work: viWork,
  review: viReview,
  plan: viPlan,
  dashboard: viDashboard,
  admin: viAdmin,
};
const en = {
  ...enCommon,
  work: enWork,
  review: enReview,
  plan: enPlan,
  dashboard: enDashboard,
  admin: enAdmin,
};

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

/** Every text of each language: the test checks that both have the same keys. */
export const translations = { vi, en };

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
