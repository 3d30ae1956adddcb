import type { Language } from '../i18n'
import type { AnnouncePhrasebook, AnnouncedItem, RatedItem } from '../i18n/announce-phrasebook'
import { announceEn } from '../i18n/announce-en'
import { announceZhCN } from '../i18n/announce-zh-CN'
import type { QuorumRule } from '../protocol/attendance.schema'
import { quorumNeeded } from '../protocol/attendance.schema'
import type { VoteResult } from '../protocol/result.schema'
import type { VoteDef } from '../protocol/vote.schema'
import { summarizeRules } from '../rules/summary'

/** What the chair's announcement is drawn from: the vote, its result and the meeting's quorum. */
export interface AnnouncementInput {
  vote: Pick<VoteDef, 'title' | 'rules' | 'candidates' | 'status'> &
    Partial<Pick<VoteDef, 'annulReason' | 'quorumOverride' | 'paper'>>
  /** null for a vote annulled while open: it never had a result. */
  result: VoteResult | null
  quorum: QuorumRule
}

export interface Announcement {
  heading: string
  /** Read one after another; the first is the salutation, the last the closing. */
  paragraphs: string[]
}

const phrasebooks: Record<Language, AnnouncePhrasebook> = { 'zh-CN': announceZhCN, en: announceEn }

/**
 * The 宣布稿 the presiding chair reads after a vote is published (or annulled), in the wording
 * of the hall: attendance and the quorum, the ballots and whether the vote stands, the rule,
 * each item in rank order with its votes and outcome, a tie or shortfall and what follows, and
 * the decision; a vote counted from paper says how many ballots came from paper. A void vote (more ballots back than issued) and an annulled one decide nothing,
 * and say only that, with why. Pure: the console shows it and the archive writes it from the
 * same function.
 */
export function buildAnnouncement(
  input: AnnouncementInput,
  lang: Language = 'zh-CN',
): Announcement {
  const say = phrasebooks[lang]
  const { vote, result } = input
  const heading = say.heading(vote.title)
  const kind = vote.rules.kind
  const paragraphs = [say.salutation, say.opening(vote.title, kind)]
  if (vote.status === 'annulled' || !result) {
    paragraphs.push(say.annulled(vote.annulReason ?? ''), say.closing)
    return { heading, paragraphs }
  }
  const c = result.counts
  const needed = input.quorum.numerator === 0 ? null : quorumNeeded(c.roster, input.quorum)
  const short = needed !== null && c.present < needed
  paragraphs.push(
    say.attendance(c.roster, c.present, needed, short ? (vote.quorumOverride ?? '') : null),
  )
  paragraphs.push(say.ballots(c, result.void === null))
  const paper = vote.paper
  if (paper?.summary) paragraphs.push(say.paper(paper.scope, paper.summary))
  if (result.void !== null) {
    paragraphs.push(say.voided(result.void), say.closing)
    return { heading, paragraphs }
  }
  paragraphs.push(say.rules(summarizeRules(vote.rules, vote.candidates.length, c, lang)))
  const titles = new Map<string, string>(vote.candidates.map((x) => [x.id, x.title]))
  const titleOf = (id: string) => titles.get(id) ?? id
  paragraphs.push(say.itemsIntro(kind))
  switch (result.kind) {
    case 'select':
    case 'per-item': {
      const tied = new Set<string>(result.tie?.candidates ?? [])
      for (const it of result.items) {
        const outcome: AnnouncedItem['outcome'] = it.elected
          ? 'elected'
          : tied.has(it.id)
            ? 'tied'
            : it.passed
              ? 'passed-not-elected'
              : 'not-passed'
        const counts =
          result.kind === 'per-item'
            ? {
                against: (it as { against: number }).against,
                abstain: (it as { abstain: number }).abstain,
              }
            : { against: null, abstain: null }
        paragraphs.push(
          say.item(
            kind,
            { place: it.rank, id: it.id, title: titleOf(it.id), for: it.for, ...counts, outcome },
            result.needed,
          ),
        )
      }
      if (result.tie)
        paragraphs.push(say.tie(result.tie.candidates.map(titleOf), result.tie.seatsLeft, 'runoff'))
      if (result.shortfall) {
        const passed = result.items.filter((it) => it.passed).length
        const seats = vote.rules.seats ?? passed
        paragraphs.push(
          say.shortfall(passed, seats, result.shortfall.seatsLeft, vote.rules.shortfallPolicy),
        )
      }
      paragraphs.push(say.elected(result.kind, result.elected.map(titleOf)))
      break
    }
    case 'motion':
      for (const it of result.items) {
        const item: AnnouncedItem = {
          place: null,
          id: it.id,
          title: titleOf(it.id),
          for: it.for,
          against: it.against,
          abstain: it.abstain,
          outcome: it.passed ? 'passed' : 'not-passed',
        }
        paragraphs.push(say.item(kind, item, result.needed), say.motion(item.title, it.passed))
      }
      break
    case 'rating':
      result.items.forEach((it, i) => {
        const item: RatedItem = {
          place: i + 1,
          id: it.id,
          title: titleOf(it.id),
          satisfied: it.satisfied,
          basic: it.basic,
          unsatisfied: it.unsatisfied,
          abstain: it.abstain,
          positiveRate: it.positiveRate,
          grade: it.grade,
        }
        paragraphs.push(say.rated(item))
      })
      paragraphs.push(say.overall(result.overall.satisfiedRate, result.overall.positiveRate))
      break
  }
  paragraphs.push(say.closing)
  return { heading, paragraphs }
}

/** The announcement as plain text: the heading, then a paragraph a line with a blank between. */
export function announcementText(a: Announcement): string {
  return [a.heading, '', ...a.paragraphs.flatMap((p) => [p, ''])].join('\n')
}
