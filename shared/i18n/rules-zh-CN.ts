import type { RulesPhrasebook, SummaryFacts } from './rules-phrasebook'

const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** Chinese numerals for 1–99 (fractions in 票决办法 use them: 三分之二); digits beyond. */
export function zhNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n)
  if (n < 10) return digits[n]!
  const tens = Math.floor(n / 10)
  const ones = n % 10
  return (tens === 1 ? '十' : `${digits[tens]}十`) + (ones === 0 ? '' : digits[ones])
}

const bases = { roster: '全体代表', present: '出席代表', valid: '有效票' } as const

function fraction(f: SummaryFacts): string {
  const { numerator: n, denominator: d, strict } = f
  // 以上 includes the number itself in Chinese legal usage; 过/超过 does not.
  if (n === 1 && d === 2) return strict ? '过半数' : '半数以上'
  if (n === d) return strict ? '超过全数' : '全数'
  const frac = `${zhNumber(d)}分之${zhNumber(n)}`
  return strict ? `超过${frac}` : `${frac}以上`
}

/** 全体代表过半数（164票） */
function bar(f: SummaryFacts): string {
  return bases[f.base] + fraction(f) + (f.needed === null ? '' : `（${f.needed}票）`)
}

function duration(seconds: number): string {
  const m = Math.floor(seconds / 60)
  const s = seconds % 60
  return (m > 0 ? `${m}分钟` : '') + (s > 0 ? `${s}秒` : '')
}

export const rulesZhCN: RulesPhrasebook = {
  summary(f) {
    switch (f.kind) {
      case 'select':
        return `${f.candidates}选${f.seats}，获${bar(f)}赞成的项目按得票多少排序，取前${f.seats}项`
      case 'per-item': {
        const limit = f.maxFor === null ? '' : `，每票至多赞成${f.maxFor}项`
        return `${f.candidates}个项目逐项表决${limit}，获${bar(f)}赞成的项目按赞成票多少排序，取前${f.seats}项`
      }
      case 'motion':
        return `获${bar(f)}赞成即为通过`
      case 'rating':
        return `${f.candidates}个项目满意度测评，获${bar(f)}评为满意的为满意，满意与基本满意合计达到该票数的为基本满意，其余为不满意`
    }
  },
  details(rules) {
    const lines: string[] = []
    if (rules.kind === 'rating') {
      // 弃权 is on every rating ballot: say where it goes, and what 满意率 divides by.
      lines.push(
        '满意率＝（满意＋基本满意）÷有效票',
        '弃权（含未表态）计入有效票，不计为满意或基本满意',
      )
    }
    if (rules.kind === 'select' || rules.kind === 'per-item') {
      lines.push(
        rules.tiePolicy === 'runoff'
          ? '末位得票相同、超出名额时，对得票相同的项目另行票决'
          : '末位得票相同、超出名额时，得票相同的项目一并确定',
        rules.shortfallPolicy === 'accept-fewer'
          ? '通过的项目不足名额时，按实际通过的项目确定'
          : '通过的项目不足名额时，对其余项目另行票决补足',
      )
    }
    lines.push(rules.secret ? '无记名投票' : '记名投票')
    lines.push(rules.allowChange ? '投票结束前可以修改选票' : '选票提交后不能修改')
    if (rules.timeLimit !== null) {
      const t = duration(rules.timeLimit.seconds)
      lines.push(
        rules.timeLimit.onExpiry === 'close' ? `限时${t}，到时自动结束投票` : `限时${t}，到时提醒`,
      )
    }
    lines.push(rules.release === 'immediate' ? '投票结束即显示结果' : '结果经宣布后显示')
    return lines
  },
}
