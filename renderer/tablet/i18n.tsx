import type { ReactNode } from 'react'
import type { TabletKey } from '../../shared/i18n/tablet'
import { tabletCatalog } from '../../shared/i18n/tablet'
import type { I18n } from '../common/i18n-provider'
import { I18nProvider, useI18nOf } from '../common/i18n-provider'

/**
 * The tablet's words: base and `tablet.*` only (shared/i18n/tablet.ts), so every tablet in the
 * hall downloads none of the console's. A key from another area does not compile here.
 */
export function TabletI18nProvider({ children }: { children: ReactNode }) {
  return <I18nProvider catalog={tabletCatalog}>{children}</I18nProvider>
}

export const useI18n = (): I18n<TabletKey> => useI18nOf<TabletKey>()
