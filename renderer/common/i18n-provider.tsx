import { createContext, useCallback, useContext, useMemo, useState } from 'react'
import type { ReactNode } from 'react'
import type { BaseKey } from '../../shared/i18n/base.zh-CN'
import type { Catalog, Language } from '../../shared/i18n/catalog'
import { translateIn } from '../../shared/i18n/catalog'
import type { AppError } from '../../shared/protocol/envelope'

export interface I18n<K extends string> {
  lang: Language
  t: (key: K, params?: Record<string, string | number>) => string
  toggle: () => void
  errorText: (error: AppError) => string
}

const I18nContext = createContext<I18n<string> | null>(null)
const storageKey = 'plenary.lang'

function initialLanguage(): Language {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh-CN'
  } catch {
    return 'zh-CN'
  }
}

/**
 * Chinese first; the English switch is remembered on this device. Each page hands in its own
 * catalog (the tablet a small one, shared/i18n/tablet.ts) and reads it through its own
 * `useI18n`, typed by that catalog's keys.
 */
export function I18nProvider<K extends string>({
  catalog,
  children,
}: {
  catalog: Catalog<K | BaseKey>
  children: ReactNode
}) {
  const [lang, setLang] = useState<Language>(initialLanguage)
  const toggle = useCallback(() => {
    setLang((current) => {
      const next = current === 'zh-CN' ? 'en' : 'zh-CN'
      try {
        localStorage.setItem(storageKey, next)
      } catch {
        // Private mode: the switch still works for this page.
      }
      document.documentElement.lang = next
      return next
    })
  }, [])
  const value = useMemo<I18n<string>>(() => {
    const t = (key: string, params?: Record<string, string | number>) =>
      translateIn(catalog, lang, key as K, params)
    return {
      lang,
      t,
      toggle,
      errorText: (error) => {
        const reason = error.params?.reason
        const key = reason === undefined ? null : `error.${error.code}.${reason}`
        if (key !== null && Object.hasOwn(catalog[lang], key)) return t(key, error.params)
        return t(`error.${error.code}`) + (error.detail ? `（${error.detail}）` : '')
      },
    }
  }, [catalog, lang, toggle])
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

/**
 * The page's words, typed by the keys of the catalog its I18nProvider was given: only a page's
 * own `useI18n` (renderer/common/i18n.tsx, renderer/tablet/i18n.tsx) calls this with its keys.
 */
export function useI18nOf<K extends string>(): I18n<K> {
  const value = useContext(I18nContext)
  if (!value) throw new Error('useI18n outside I18nProvider')
  return value
}

/** For components of every page (the language switch): the words every catalog has. */
export const useBaseI18n = (): I18n<BaseKey> => useI18nOf<BaseKey>()
