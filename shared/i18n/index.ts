import { auditEn } from './audit.en'
import { auditZhCN } from './audit.zh-CN'
import { en } from './en'
import { hallEn } from './hall.en'
import { hallZhCN } from './hall.zh-CN'
import { liveEn } from './live.en'
import { liveZhCN } from './live.zh-CN'
import { officeEn } from './office.en'
import { officeZhCN } from './office.zh-CN'
import { prepEn } from './prep.en'
import { prepZhCN } from './prep.zh-CN'
import { safetyEn } from './safety.en'
import { safetyZhCN } from './safety.zh-CN'
import { screenEn } from './screen.en'
import { screenZhCN } from './screen.zh-CN'
import { zhCN } from './zh-CN'

/**
 * One dictionary per area (common, prep = meeting preparation, live = the live session, screen,
 * safety = confirmations and refusals that keep the clerk from mistakes, hall = the meeting's
 * details, rehearsals and the seat map, audit = the log's sentences),
 * each a zh-CN file and an en file with the same keys, merged here.
 */
const allZhCN = {
  ...zhCN,
  ...prepZhCN,
  ...liveZhCN,
  ...screenZhCN,
  ...safetyZhCN,
  ...hallZhCN,
  ...auditZhCN,
  ...officeZhCN,
}
export type MessageKey = keyof typeof allZhCN

export const languages = ['zh-CN', 'en'] as const
export type Language = (typeof languages)[number]

const dictionaries: Record<Language, Record<MessageKey, string>> = {
  'zh-CN': allZhCN,
  en: { ...en, ...prepEn, ...liveEn, ...screenEn, ...safetyEn, ...hallEn, ...auditEn, ...officeEn },
}

/** Whether a key made at run time (e.g. `kind.${kind}`) names a message. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(allZhCN, key)
}

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
