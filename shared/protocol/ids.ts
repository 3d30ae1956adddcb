import { z } from 'zod'

/**
 * The rule for ids that a person or a file supplies and that become object keys: a project's 编号
 * is a candidate id, and a ballot's marks are an object keyed by candidate id. ASCII letters,
 * digits, `-` and `_`, and never a name every JavaScript object already has: on an empty ballot
 * `marks.constructor` reads as a mark, and zod drops an own `__proto__` key without a word, so a
 * mark on such a candidate could show on the tablet and vanish from the count. ASCII because a
 * 编号 is typed, printed and compared by people: "Ｐ01" and "P01" must not be two ids.
 */
const idChars = /^[A-Za-z0-9_-]+$/

/**
 * Object.prototype's own property names (the same in every engine we run on; a test holds this
 * list to Node's), and `prototype`. Written out rather than read from the engine, so the rule is
 * the same on the host, in the console and in the recount.
 */
const reservedNames: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
])

/** A name an object has without being given it (case-sensitive: `Constructor` is fine). */
export function isReservedName(id: string): boolean {
  return reservedNames.has(id)
}

export type IdProblem = 'characters' | 'reserved'

/** Why an id breaks the rule, or null when it keeps it. Length is the caller's (its schema's). */
export function idProblem(id: string): IdProblem | null {
  if (!idChars.test(id)) return 'characters'
  return isReservedName(id) ? 'reserved' : null
}

export function isSafeId(id: string): boolean {
  return idProblem(id) === null
}

/** What staff read when an id is refused: Chinese first, then English. */
export const idProblemText: Readonly<Record<IdProblem, { zh: string; en: string }>> = {
  characters: {
    zh: '只能由英文字母、数字、“-”和“_”组成',
    en: 'may hold only letters, digits, "-" and "_"',
  },
  reserved: {
    zh: '是系统保留的名称，请换一个',
    en: 'is a reserved name; choose another',
  },
}

/** The id rule as a schema (after trimming), for ids typed into the console. */
export function safeIdSchema(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .superRefine((id, ctx) => {
      const problem = id === '' ? null : idProblem(id)
      if (problem === null) return
      const text = idProblemText[problem]
      ctx.addIssue({ code: 'custom', message: `编号“${id}”${text.zh} / "${id}" ${text.en}` })
    })
}

/**
 * Ids that cannot mix: each kind of id is a string with a brand of its own, so passing a
 * deputy's id where a vote's is expected is a type error, here, on the host and on the pages.
 * The brand is zod's (type-only, nothing at run time): the schemas below make them from what a
 * request carries, and the few places that mint an id (the host's new votes, meetings and
 * deputies, a tablet's ballot) say so with a cast. On the wire and on disk they are plain strings.
 */
export type DeputyId = string & z.$brand<'DeputyId'>
export type VoteId = string & z.$brand<'VoteId'>
/** A project's 编号, which is also its candidate id in a vote and the key of a ballot's mark. */
export type ProjectId = string & z.$brand<'ProjectId'>
/** Made by the tablet before a ballot's first send, so that a resend is recognised. */
export type BallotId = string & z.$brand<'BallotId'>
export type MeetingId = string & z.$brand<'MeetingId'>
/** A citizen's proposal's (征集建议) 编号 as its list has it (shared/year/proposals.ts). */
export type ProposalId = string & z.$brand<'ProposalId'>

export const deputyIdSchema = z.string().min(1).max(64).brand<'DeputyId', 'inout'>()
export const voteIdSchema = z.string().min(1).max(64).brand<'VoteId', 'inout'>()
/** An existing project's id (one imported before the id rule may break it: safeIdSchema). */
export const projectIdSchema = z.string().min(1).max(32).brand<'ProjectId', 'inout'>()
export const meetingIdSchema = z.string().min(1).max(64).brand<'MeetingId', 'inout'>()
/** An existing proposal's 编号 (the id rule holds for every one imported: proposal-import.ts). */
export const proposalIdSchema = z.string().min(1).max(40).brand<'ProposalId', 'inout'>()
export const ballotIdSchema = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/)
  .brand<'BallotId', 'inout'>()
