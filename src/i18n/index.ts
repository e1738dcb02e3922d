/**
 * i18next with one JSON file per namespace: locales/<lang>/<namespace>.json. Code always uses
 * "namespace:key.path" literals (test/i18n checks both locales have every key and that every key
 * the code references exists). Vietnamese is the default, English the fallback language.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import i18next, { type i18n as I18nInstance } from "i18next";

export const LANGUAGES = ["vi", "en"] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANG: Lang = "vi";

export type Translate = (key: string, params?: Record<string, unknown>) => string;

export const LOCALES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../locales");

type Resources = Record<Lang, Record<string, Record<string, unknown>>>;

export function readLocaleResources(dir: string = LOCALES_DIR): Resources {
  const resources = { vi: {}, en: {} } as Resources;
  for (const lang of LANGUAGES) {
    const langDir = path.join(dir, lang);
    for (const file of fs
      .readdirSync(langDir)
      .filter((f) => f.endsWith(".json"))
      .sort()) {
      const ns = file.slice(0, -".json".length);
      resources[lang][ns] = JSON.parse(fs.readFileSync(path.join(langDir, file), "utf8"));
    }
  }
  return resources;
}

let shared: I18nInstance | undefined;

/** One initialised i18next instance per process, with both languages loaded. */
export function getI18n(): I18nInstance {
  if (shared) return shared;
  const resources = readLocaleResources();
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    lng: DEFAULT_LANG,
    fallbackLng: DEFAULT_LANG,
    ns: Object.keys(resources.vi),
    defaultNS: "common",
    nsSeparator: ":",
    keySeparator: ".",
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  shared = instance;
  return instance;
}

/** A translate function fixed to one language. */
export function translator(lang: Lang = DEFAULT_LANG): Translate {
  const fixed = getI18n().getFixedT(lang);
  return (key, params) => String(fixed(key, params as never));
}

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}
