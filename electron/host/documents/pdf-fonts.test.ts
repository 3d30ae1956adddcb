import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { VoteKind } from '../../../shared/protocol/vote-rules.schema'
import { defaultRules } from '../../../shared/protocol/vote-rules.schema'
import { summarizeRuleDetails, summarizeRules } from '../../../shared/rules'
import { defaultFontsDir, fontFiles, uncoveredChars } from './pdf-fonts'
import { allLabelText } from './report-labels'

const demo = (name: string) => readFileSync(join(defaultFontsDir, '../demo', name), 'utf8')

describe('shipped Chinese fonts', () => {
  it.each(Object.values(fontFiles))('%s is a TrueType font small enough to commit', (file) => {
    const path = join(defaultFontsDir, file)
    // TrueType outlines (sfnt version 1.0), not CFF ('OTTO'): see make-subset.sh.
    expect(readFileSync(path).subarray(0, 4).toString('hex')).toBe('00010000')
    expect(statSync(path).size).toBeLessThan(6 * 1024 * 1024)
  })

  it('ships the OFL licence and the script that made the subset', () => {
    expect(readFileSync(join(defaultFontsDir, 'OFL.txt'), 'utf8')).toContain(
      'SIL OPEN FONT LICENSE',
    )
    expect(readFileSync(join(defaultFontsDir, 'make-subset.sh'), 'utf8')).toContain(
      'fontTools.subset',
    )
  })

  it('covers every character of the demo meeting and projects', () => {
    expect(uncoveredChars(demo('meeting.json'))).toEqual([])
    expect(uncoveredChars(demo('projects.json'))).toEqual([])
  })

  it('covers every label the documents print', () => {
    expect(uncoveredChars(allLabelText())).toEqual([])
  })

  it('covers every rules summary and detail line', () => {
    const text: string[] = []
    for (const kind of ['select', 'per-item', 'motion', 'rating'] as VoteKind[]) {
      for (const base of ['roster', 'present', 'valid'] as const) {
        for (const [numerator, denominator] of [
          [1, 2],
          [2, 3],
          [3, 4],
          [1, 1],
        ] as const) {
          const rules = {
            ...defaultRules(kind, 10),
            maxFor: kind === 'per-item' ? 8 : null,
            threshold: { base, numerator, denominator, strict: numerator !== 3 },
          }
          text.push(summarizeRules(rules, 13, { roster: 327, present: 314, valid: 310 }))
        }
      }
      const rules = defaultRules(kind, 10)
      text.push(...summarizeRuleDetails(rules))
      text.push(
        ...summarizeRuleDetails({
          ...rules,
          tiePolicy: 'include-all',
          shortfallPolicy: 'runoff-remaining',
          allowChange: true,
          secret: false,
          release: 'immediate',
          timeLimit: { seconds: 330, onExpiry: 'close' },
        }),
        ...summarizeRuleDetails({ ...rules, timeLimit: { seconds: 60, onExpiry: 'warn' } }),
      )
    }
    expect(uncoveredChars(text.join('\n'))).toEqual([])
  })

  it('names the characters a roster may hold that the subset lacks', () => {
    // 喆 and 堃 are common in names but outside GB2312: staff must be told before printing.
    expect(uncoveredChars('王喆、李堃、张三\n')).toEqual(['喆', '堃'])
  })
})
