import type { Grade, ResultCounts } from '../protocol/result.schema'
import type { VoteKind } from '../protocol/vote-rules.schema'
import type { PaperScope, PaperSummary } from '../protocol/paper-count.schema'

/**
 * What a language needs to say the chair's announcement (宣布稿) of a result. As with the rules
 * summary, grammar differs too much for fill-in templates: each language composes whole
 * sentences from these facts (shared/hall/announcement.ts decides which are said, and in what
 * order).
 */

/** One item as read out: its place, name, counts and what it came to. */
export interface AnnouncedItem {
  /** Rank (差额, 逐项) or list order (测评); null for a motion. */
  place: number | null
  id: string
  title: string
  for: number
  against: number | null
  abstain: number | null
  outcome:
    | 'elected'
    | 'passed'
    | 'tied'
    | 'passed-not-elected'
    | 'not-passed'
    /** A void vote's item: its votes read, with no outcome. */
    | 'none'
}

export interface RatedItem {
  place: number
  id: string
  title: string
  satisfied: number
  basic: number
  unsatisfied: number
  abstain: number
  /** 满意率: (满意 + 基本满意) ÷ 有效票, as offices report it; null with no valid ballot. */
  positiveRate: number | null
  /** null when the vote is void: its grades decide nothing. */
  grade: Grade | null
}

export interface AnnouncePhrasebook {
  /** The document's title: 《…》表决结果宣布稿 */
  heading(voteTitle: string): string
  salutation: string
  /** 现在报告《…》的表决结果 */
  opening(voteTitle: string, kind: VoteKind): string
  /** 应到 / 实到, and whether the quorum was met (or the logged reason it was opened without). */
  attendance(
    roster: number,
    present: number,
    quorumNeeded: number | null,
    override: string | null,
  ): string
  /** 发出 / 收回 / 有效 / 无效, and whether the vote is valid. */
  ballots(counts: ResultCounts, valid: boolean): string
  /** Counted from paper (the paper count): how many ballots came from paper, and its figures. */
  paper(scope: PaperScope, summary: PaperSummary): string
  /** The rules in one sentence (summarizeRules), read as 根据表决办法… */
  rules(summary: string): string
  /** The line before the items: 按得票多少排序 / 各项目测评结果如下. */
  itemsIntro(kind: VoteKind): string
  item(kind: VoteKind, item: AnnouncedItem, needed: number): string
  rated(item: RatedItem): string
  overall(satisfiedRate: number | null, positiveRate: number | null): string
  tie(titles: string[], seatsLeft: number, followUp: 'runoff'): string
  shortfall(
    passed: number,
    seats: number,
    seatsLeft: number,
    policy: 'accept-fewer' | 'runoff-remaining',
  ): string
  /** The decision: elected projects named in rank order (or none). */
  elected(kind: 'select' | 'per-item', titles: string[]): string
  motion(title: string, passed: boolean): string
  /** cast > issued: the vote is void and decides nothing. */
  voided(reason: string): string
  /** Staff annulled it, with their reason. */
  annulled(reason: string): string
  closing: string
}

/** 12.3%: one decimal, as the report prints rates. */
export function percent(rate: number | null, none: string): string {
  return rate === null ? none : `${(rate * 100).toFixed(1)}%`
}

/** A reason given in words ends a sentence once: no 。。 when staff typed their own stop. */
export function withoutStop(text: string): string {
  return text.trim().replace(/[。．.！!]+$/u, '')
}
