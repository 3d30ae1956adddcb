import { createContext, useCallback, useContext, useMemo, useState } from 'react'
import type { ReactNode } from 'react'
import type { Language, MessageKey } from '../../shared/i18n'
import { translate } from '../../shared/i18n'
import type { AppError } from '../../shared/protocol/envelope'

type T = (key: MessageKey, params?: Record<string, string | number>) => string

interface I18n {
  lang: Language
  t: T
  toggle: () => void
  errorText: (error: AppError) => string
}

const I18nContext = createContext<I18n | null>(null)
const storageKey = 'plenary.lang'

function initialLanguage(): Language {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh-CN'
  } catch {
    return 'zh-CN'
  }
}

/** Chinese first; the English switch is remembered on this device. */
export function I18nProvider({ children }: { children: ReactNode }) {
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
  const value = useMemo<I18n>(() => {
    const t: T = (key, params) => translate(lang, key, params)
    return {
      lang,
      t,
      toggle,
      errorText: (error) => t(`error.${error.code}`) + (error.detail ? `（${error.detail}）` : ''),
    }
  }, [lang, toggle])
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18n {
  const value = useContext(I18nContext)
  if (!value) throw new Error('useI18n outside I18nProvider')
  return value
}
