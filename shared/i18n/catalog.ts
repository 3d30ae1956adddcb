/**
 * What every page's dictionaries have in common: the languages, and how a message is filled.
 * No dictionary is imported here, so a page loads only the dictionaries its catalog names.
 */
export const languages = ['zh-CN', 'en'] as const
export type Language = (typeof languages)[number]

/** One page's messages in each language, the same keys in both. */
export type Catalog<K extends string> = Readonly<Record<Language, Readonly<Record<K, string>>>>

/** Looks up a message in a catalog and fills `{name}` placeholders. */
export function translateIn<K extends string>(
  catalog: Catalog<K>,
  lang: Language,
  key: K,
  params?: Record<string, string | number>,
): string {
  const template = catalog[lang][key]
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  )
}
