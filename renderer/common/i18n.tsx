import type { ReactNode } from 'react'
import type { MessageKey } from '../../shared/i18n'
import { catalog } from '../../shared/i18n'
import type { I18n } from './i18n-provider'
import { I18nProvider as CatalogProvider, useI18nOf } from './i18n-provider'

/** The console's and the screen's words: the whole catalog (the tablet has its own, smaller). */
export function I18nProvider({ children }: { children: ReactNode }) {
  return <CatalogProvider catalog={catalog}>{children}</CatalogProvider>
}

export const useI18n = (): I18n<MessageKey> => useI18nOf<MessageKey>()
