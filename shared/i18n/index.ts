import { auditEn } from './audit.en'
import { auditZhCN } from './audit.zh-CN'
import { baseEn } from './base.en'
import { baseZhCN } from './base.zh-CN'
import { dutyEn } from './duty.en'
import { dutyZhCN } from './duty.zh-CN'
import type { Catalog, Language } from './catalog'
import { translateIn } from './catalog'
import { en } from './en'
import { hallEn } from './hall.en'
import { hallZhCN } from './hall.zh-CN'
import { liveEn } from './live.en'
import { liveZhCN } from './live.zh-CN'
import { officeEn } from './office.en'
import { officeZhCN } from './office.zh-CN'
import { paperEn } from './paper.en'
import { paperZhCN } from './paper.zh-CN'
import { prepEn } from './prep.en'
import { prepZhCN } from './prep.zh-CN'
import { proposalsEn } from './proposals.en'
import { proposalsZhCN } from './proposals.zh-CN'
import { safetyEn } from './safety.en'
import { safetyZhCN } from './safety.zh-CN'
import { screenEn } from './screen.en'
import { screenZhCN } from './screen.zh-CN'
import { tabletEn } from './tablet.en'
import { tabletZhCN } from './tablet.zh-CN'
import { yearEn } from './year.en'
import { yearZhCN } from './year.zh-CN'
import { zhCN } from './zh-CN'

export type { Language } from './catalog'
export { languages } from './catalog'

/**
 * One dictionary per area, each a zh-CN file and an en file with the same keys:
 * - base: every page's words (the app's name, the language switch, connection, errors, marks,
 *   outcomes); the tablet loads these.
 * - tablet: the tablet page's own words (`tablet.*`), loaded by the tablet with base and nothing
 *   else (tablet.ts): add a tablet's strings there, never to the areas below.
 * - common (zh-CN.ts, en.ts): the console's and the screen's shared words, kinds, statuses,
 *   counts, results; prep = meeting preparation; live = the live session; screen; safety =
 *   confirmations and refusals that keep the clerk from mistakes; hall = the meeting's details,
 *   rehearsals and the seat map; audit = the log's sentences; proposals = 点单/选单 in the
 *   console; year = 查单 and 验单; office = scrutineers, the chair's announcement and the
 *   office's documents; paper = the paper count (its refusals' words too, `error.paper-count.*`);
 *   duty = 代表履职, a deputy's attendance across meetings.
 * Merged here into the whole catalog, which the host, the console and the screen use. A page
 * that must load less gets a catalog of its own beside tablet.ts, and its own `useI18n`.
 */
const allZhCN = {
  ...baseZhCN,
  ...tabletZhCN,
  ...zhCN,
  ...prepZhCN,
  ...liveZhCN,
  ...screenZhCN,
  ...safetyZhCN,
  ...hallZhCN,
  ...auditZhCN,
  ...yearZhCN,
  ...proposalsZhCN,
  ...officeZhCN,
  ...paperZhCN,
  ...dutyZhCN,
}
export type MessageKey = keyof typeof allZhCN

export const catalog: Catalog<MessageKey> = {
  'zh-CN': allZhCN,
  en: {
    ...baseEn,
    ...tabletEn,
    ...en,
    ...prepEn,
    ...liveEn,
    ...screenEn,
    ...safetyEn,
    ...hallEn,
    ...auditEn,
    ...yearEn,
    ...proposalsEn,
    ...officeEn,
    ...paperEn,
    ...dutyEn,
  },
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
  return translateIn(catalog, lang, key, params)
}
