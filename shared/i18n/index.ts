import { en } from './en'
import type { MessageKey } from './zh-CN'
import { zhCN } from './zh-CN'

export type { MessageKey }
export const languages = ['zh-CN', 'en'] as const
export type Language = (typeof languages)[number]

const dictionaries: Record<Language, Record<MessageKey, string>> = { 'zh-CN': zhCN, en }

/** Looks up a message and fills `{name}` placeholders. */
export function translate(
  lang: Language,
  key: MessageKey,
  params?: Record<string, string | number>,
): string {
  const template = dictionaries[lang][key]
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  )
}
