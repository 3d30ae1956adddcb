import { baseEn } from './base.en'
import { baseZhCN } from './base.zh-CN'
import type { Catalog } from './catalog'
import { tabletEn } from './tablet.en'
import { tabletZhCN } from './tablet.zh-CN'

/**
 * The tablet page's catalog: base (every page's words) and tablet (`tablet.*`), nothing of the
 * console's or the screen's, since every tablet in the hall loads it over the same Wi-Fi at
 * 报到 (issue 31). renderer/tablet/i18n.tsx types the tablet's `t` by these keys, so a tablet
 * component asking for a key kept elsewhere does not compile: put it in tablet.zh-CN.ts and
 * tablet.en.ts.
 */
export const tabletCatalog = {
  'zh-CN': { ...baseZhCN, ...tabletZhCN },
  en: { ...baseEn, ...tabletEn },
} satisfies Catalog<TabletKey>

export type TabletKey = keyof typeof baseZhCN | keyof typeof tabletZhCN
