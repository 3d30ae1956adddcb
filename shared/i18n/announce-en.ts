import type { AnnouncePhrasebook, AnnouncedItem } from './announce-phrasebook'
import { percent, withoutStop } from './announce-phrasebook'

const grades = {
  satisfied: 'satisfied',
  basic: 'basically satisfied',
  unsatisfied: 'not satisfied',
} as const
const voidReasons: Readonly<Record<string, string>> = {
  'cast exceeds issued': 'more ballots came back than were issued',
}

function outcome(kind: string, item: AnnouncedItem, needed: number): string {
  const select = kind === 'select'
  switch (item.outcome) {
    case 'elected':
      return select ? 'elected' : 'adopted'
    case 'passed':
      return 'adopted'
    case 'tied':
      return 'tied: to a run-off vote'
    case 'passed-not-elected':
      return 'over the threshold but outside the seats, not ' + (select ? 'elected' : 'adopted')
    case 'not-passed':
      return `under the threshold of ${needed}, not ${select ? 'elected' : 'adopted'}`
    case 'none':
      return ''
  }
}

/** English, for a reader of the English console. */
export const announceEn: AnnouncePhrasebook = {
  heading: (title) => `Announcement of the result: ${title}`,
  salutation: 'Fellow deputies,',
  opening: (title) => `I now report the result of “${title}”.`,
  attendance(roster, present, needed, override) {
    const head = `Of ${roster} deputies, ${present} are present`
    if (needed === null) return `${head}.`
    if (override === null) return `${head}: a quorum.`
    const why = override ? `; the reason given: ${withoutStop(override)}` : ''
    return `${head}, short of the quorum of ${needed}; the vote was opened on the staff's logged reason${why}.`
  },
  ballots(c, valid) {
    const head = `${c.issued} ballots were issued and ${c.cast} returned: ${c.valid} valid, ${c.invalid} invalid.`
    return valid
      ? `${head} No more came back than were issued: the vote is valid.`
      : `${head} More came back than were issued: the vote is void.`
  },
  paper: (scope, s) =>
    (scope === 'whole'
      ? `The vote was counted from paper: all ${s.counted} ballots returned were paper ballots`
      : `Of the ballots returned, ${s.tablet} came from tablets and ${s.counted} from paper`) +
    `; ${s.issued} paper ballots were issued and ${s.returned} returned, ${s.spoiled} of them spoiled, each batch entered twice by tellers and agreed.`,
  rules: (summary) => `Under the rules: ${summary}.`,
  itemsIntro: (kind) =>
    kind === 'rating' ? 'The ratings:' : kind === 'motion' ? 'The vote:' : 'In order of votes:',
  item(kind, item, needed) {
    if (kind === 'motion')
      return `${item.title}: ${item.for} for, ${item.against ?? 0} against, ${item.abstain ?? 0} abstaining (${needed} needed).`
    const votes =
      kind === 'select'
        ? `${item.for} votes`
        : `${item.for} for, ${item.against ?? 0} against, ${item.abstain ?? 0} abstaining`
    return `No. ${item.place}, ${item.title}: ${votes}, ${outcome(kind, item, needed)};`
  },
  rated: (it) =>
    `${it.place}. ${it.title}: ${it.satisfied} satisfied, ${it.basic} basically satisfied, ` +
    `${it.unsatisfied} not satisfied, ${it.abstain} abstaining; satisfaction ${percent(it.positiveRate, 'none')}` +
    (it.grade === null ? ';' : `, graded ${grades[it.grade]};`),
  overall: (satisfied, positive) =>
    `Overall satisfaction: ${percent(positive, 'none')} (satisfied alone: ${percent(satisfied, 'none')}).`,
  tie: (titles, seatsLeft) =>
    `${titles.join(', ')} tied with ${seatsLeft} seat(s) left: under the rules these ${titles.length} go to a run-off vote.`,
  shortfall(passed, seats, seatsLeft, policy) {
    const head = `${passed} passed, fewer than the ${seats} seats: ${seatsLeft} short.`
    return policy === 'accept-fewer'
      ? `${head} Under the rules, those passed stand.`
      : `${head} Under the rules, the rest go to a run-off vote to fill the seats.`
  },
  elected(kind, titles) {
    const verb = kind === 'select' ? 'elected' : 'adopted'
    if (titles.length === 0) return `No project is ${verb}.`
    return `Therefore ${titles.length} ${titles.length === 1 ? 'project is' : 'projects are'} ${verb}: ${titles.join(', ')}.`
  },
  motion: (title, passed) => (passed ? `“${title}” is adopted.` : `“${title}” is not adopted.`),
  voided: (reason) =>
    `Because ${voidReasons[reason] ?? reason}, the vote is void: it decides nothing, and no project passes by it.`,
  annulled: (reason) =>
    `This vote has been annulled and has no result. The reason: ${withoutStop(reason) || '(none given)'}.`,
  closing: 'That is the result.',
}
