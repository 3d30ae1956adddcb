import type { RulesPhrasebook, SummaryFacts } from './rules-phrasebook'

const ones = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']
const ordinals = [
  '',
  '',
  'half',
  'third',
  'quarter',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
]

/** "two-thirds", "one-quarter"; "5/12" where words would be clumsy. */
export function enFraction(numerator: number, denominator: number): string {
  const num = ones[numerator]
  const den = ordinals[denominator]
  if (num === undefined || den === undefined || den === '') return `${numerator}/${denominator}`
  return `${num}-${den}${numerator > 1 ? 's' : ''}`
}

const bases = {
  roster: 'all seated deputies',
  present: 'the deputies present',
  valid: 'the valid ballots',
} as const

function fraction(f: SummaryFacts): string {
  const { numerator: n, denominator: d, strict } = f
  if (n === 1 && d === 2) return strict ? 'more than half' : 'at least half'
  if (n === d) return strict ? 'more than all' : 'all'
  return `${strict ? 'more than' : 'at least'} ${enFraction(n, d)}`
}

/** "more than half of all seated deputies (164 votes)" */
function bar(f: SummaryFacts): string {
  const needed = f.needed === null ? '' : ` (${f.needed} vote${f.needed === 1 ? '' : 's'})`
  return `${fraction(f)} of ${bases[f.base]}${needed}`
}

function duration(seconds: number): string {
  const m = Math.floor(seconds / 60)
  const s = seconds % 60
  return [m > 0 ? `${m} min` : '', s > 0 ? `${s} s` : ''].filter(Boolean).join(' ')
}

export const rulesEn: RulesPhrasebook = {
  summary(f) {
    switch (f.kind) {
      case 'select':
        return `Choose ${f.seats} of ${f.candidates}: projects voted for by ${bar(f)} are ranked by votes and the top ${f.seats} are decided`
      case 'per-item': {
        const limit = f.maxFor === null ? '' : ` (at most ${f.maxFor} "for" per ballot)`
        return `Vote on each of ${f.candidates} projects${limit}: projects voted for by ${bar(f)} are ranked by votes for and the top ${f.seats} are decided`
      }
      case 'motion':
        return `The motion passes when voted for by ${bar(f)}`
      case 'rating':
        return `Satisfaction rating of ${f.candidates} projects: "satisfied" when rated satisfied by ${bar(f)}, "basic" when satisfied and basic together reach that, otherwise "unsatisfied"`
    }
  },
  details(rules) {
    const lines: string[] = []
    if (rules.kind === 'rating') {
      lines.push(
        'Satisfaction rate = (satisfied + fairly satisfied) ÷ valid ballots',
        'An abstention (or no mark) counts as a valid ballot, neither satisfied nor fairly satisfied',
      )
    }
    if (rules.kind === 'select' || rules.kind === 'per-item') {
      lines.push(
        rules.tiePolicy === 'runoff'
          ? 'A tie at the cut line that exceeds the seats goes to a run-off among the tied projects'
          : 'A tie at the cut line elects all the tied projects, even beyond the seats',
        rules.shortfallPolicy === 'accept-fewer'
          ? 'If fewer projects pass than there are seats, only those passed are decided'
          : 'If fewer projects pass than there are seats, the others go to a run-off for the seats left',
      )
    }
    lines.push(rules.secret ? 'Secret ballot' : 'Open ballot')
    lines.push(
      rules.allowChange
        ? 'Ballots may be changed until the vote closes'
        : 'Ballots are final once submitted',
    )
    if (rules.timeLimit !== null) {
      const t = duration(rules.timeLimit.seconds)
      lines.push(
        rules.timeLimit.onExpiry === 'close'
          ? `Time limit ${t}; the vote closes then`
          : `Time limit ${t}; a warning is shown then`,
      )
    }
    lines.push(
      rules.release === 'immediate'
        ? 'Results show as soon as the vote closes'
        : 'Results show once announced',
    )
    return lines
  },
}
