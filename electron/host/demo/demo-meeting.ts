/**
 * The demo meeting: a fictional district congress (青川区) with a generated roster and the 13
 * candidate livelihood projects of resources/demo/projects.json. Everything here is fictional
 * and fully deterministic (a seeded PRNG, never Math.random), so the same call always yields the
 * same roster — tests, screenshots and resources/demo/meeting.json rely on that.
 */
import projects from '../../../resources/demo/projects.json' with { type: 'json' }
import { mulberry32 } from './seeded-random'

export interface DemoDeputy {
  name: string
  delegation: string
  seat: string
}

export interface DemoProject {
  number: string
  title: string
  summary: string
  leadUnit: string
  budget: number
  category: string
}

export interface DemoMeeting {
  title: string
  deputies: DemoDeputy[]
  projects: DemoProject[]
}

const DEFAULT_SEED = 20270115
const DEFAULT_DEPUTY_COUNT = 327
/** Beyond this the name pool would start to run thin; real congresses stop at ~3,000. */
const MAX_DEPUTIES = 50_000
const MEETING_TITLE = '青川区第三届人民代表大会第五次会议'

const PROJECTS: readonly DemoProject[] = projects

type Rng = () => number

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T
}

/**
 * Common surnames, roughly by frequency, each with its stroke count (simplified characters):
 * within a delegation the roster is listed 按姓氏笔画, as on congress name lists.
 */
// prettier-ignore
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 4], ['李', 7], ['张', 7], ['刘', 6], ['陈', 7], ['杨', 7], ['黄', 11], ['赵', 9],
  ['吴', 7], ['周', 8], ['徐', 10], ['孙', 6], ['马', 3], ['朱', 6], ['胡', 9], ['郭', 10],
  ['何', 7], ['高', 10], ['林', 8], ['罗', 8], ['郑', 8], ['梁', 11], ['谢', 12], ['宋', 7],
  ['唐', 10], ['许', 6], ['韩', 12], ['冯', 5], ['邓', 4], ['曹', 11], ['彭', 12], ['曾', 12],
  ['肖', 7], ['田', 5], ['董', 12], ['袁', 10], ['潘', 15], ['于', 3], ['蒋', 12], ['蔡', 14],
  ['余', 7], ['杜', 7], ['叶', 5], ['程', 12], ['苏', 7], ['魏', 17], ['吕', 6], ['丁', 2],
  ['任', 6], ['沈', 7], ['姚', 9], ['卢', 5], ['姜', 9], ['崔', 11], ['钟', 9], ['谭', 14],
  ['陆', 7], ['汪', 7], ['范', 8], ['金', 8], ['石', 5], ['廖', 14], ['贾', 10], ['夏', 10],
  ['韦', 4], ['付', 5], ['方', 4], ['白', 5], ['邹', 7], ['孟', 8], ['熊', 14], ['秦', 10],
  ['邱', 7], ['江', 6], ['尹', 4], ['薛', 16], ['段', 9], ['雷', 13], ['侯', 9], ['龙', 5],
  ['史', 5], ['陶', 10], ['黎', 15], ['贺', 9], ['顾', 10], ['毛', 4], ['郝', 9], ['龚', 11],
  ['邵', 7], ['万', 3], ['钱', 10], ['严', 7], ['武', 8], ['戴', 17], ['莫', 10], ['孔', 4],
  ['向', 6], ['汤', 6], ['常', 11], ['温', 12],
]

const STROKES = new Map(SURNAMES)

const MALE_GIVEN = [
  ...'伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林欣建峰国志新文斌海东亮',
  ...'成家荣庆松翔晨阳昊晖毅彬锋立忠诚德兴安振宏卫红光耀永胜春宝祥瑞瀚博睿哲铭轩远航',
]
const FEMALE_GIVEN = [
  ...'芳娜敏静丽艳娟霞秀玲桂英华红梅琳燕萍雪慧莉倩婷颖晶洁琴云兰凤玉佳欣怡雯蕾萱悦',
  ...'丹妍璐茜露瑶瑾岚琪清月冰晓楠蓉珊淑惠青薇菲媛蓓宁雅馨然思梦艺彤涵诗雨秋',
]

/** Surnames are drawn with a skew towards the common ones, as in any real roster. */
function randomName(rng: Rng, forceTwoCharGiven: boolean): string {
  const [surname] = SURNAMES[Math.floor(rng() ** 1.6 * SURNAMES.length)] as readonly [
    string,
    number,
  ]
  const male = rng() < 0.6
  const chars = male ? MALE_GIVEN : FEMALE_GIVEN
  const first = pick(rng, chars)
  if (!forceTwoCharGiven && rng() >= 0.72) return surname + first
  let second = pick(rng, chars)
  // Reduplicated given names (婷婷, 丹丹) are a girls' thing.
  while (male && second === first) second = pick(rng, chars)
  return surname + first + second
}

/** 青川区's streets and towns, in the order the hall seats their delegations. */
const HOME_DELEGATIONS = [
  '城关街道',
  '滨江街道',
  '青云街道',
  '翠屏街道',
  '望江街道',
  '桃源镇',
  '石桥镇',
  '柳溪镇',
  '龙泉镇',
  '白鹭镇',
  '双河镇',
  '金沙乡',
  '枫林乡',
  '云台乡',
]
const PLACE_FIRST = [...'东西南北青白金石柳桃龙凤云花松梅长安新清明永太兴丰福平和宝鹤']
const PLACE_SECOND = [...'山河湖溪桥岭坪湾口塘林园田坝川阳峰港店庄集铺岗洲']
const PLACE_SUFFIX = ['镇', '镇', '镇', '乡', '街道']

/** How many delegations: the district's 10–14 for a county-sized congress, ~1 per 30 beyond. */
function delegationCount(count: number): number {
  if (count <= 0) return 0
  return Math.min(Math.ceil(count / 3), Math.max(12, Math.round(count / 30)))
}

function delegationNames(rng: Rng, n: number): string[] {
  const names = HOME_DELEGATIONS.slice(0, n)
  const usedStems = new Set(names.map((d) => d.replace(/(街道|镇|乡)$/, '')))
  while (names.length < n) {
    const stem = pick(rng, PLACE_FIRST) + pick(rng, PLACE_SECOND)
    if (usedStems.has(stem)) continue
    usedStems.add(stem)
    names.push(stem + pick(rng, PLACE_SUFFIX))
  }
  return names.map((d) => `${d}代表团`)
}

/** Uneven but plausible sizes (weights 1 : 3 at the extremes), every delegation at least 1. */
function delegationSizes(rng: Rng, count: number, n: number): number[] {
  const weights = Array.from({ length: n }, () => 0.5 + rng())
  const total = weights.reduce((a, b) => a + b, 0)
  const spare = count - n
  const exact = weights.map((w) => (w / total) * spare)
  const sizes = exact.map((x) => 1 + Math.floor(x))
  let left = count - sizes.reduce((a, b) => a + b, 0)
  const byRemainder = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
  for (const [, i] of byRemainder) {
    if (left <= 0) break
    sizes[i] = (sizes[i] ?? 0) + 1
    left--
  }
  return sizes
}

/** 按姓氏笔画: surname strokes, then surname, then the whole name (code point order). */
function compareByStrokes(a: string, b: string): number {
  const sa = a.slice(0, 1)
  const sb = b.slice(0, 1)
  return (
    (STROKES.get(sa) ?? 0) - (STROKES.get(sb) ?? 0) ||
    (sa < sb ? -1 : sa > sb ? 1 : 0) ||
    (a < b ? -1 : a > b ? 1 : 0)
  )
}

/**
 * A fictional roster of `count` deputies (0..50,000): unique names, grouped into delegations,
 * seated in hall order delegation by delegation ("3排12号"), every seat unique.
 */
export function demoDeputies(count: number, seed: number = DEFAULT_SEED): DemoDeputy[] {
  if (!Number.isInteger(count) || count < 0 || count > MAX_DEPUTIES) {
    throw new RangeError(`demoDeputies: count must be an integer 0..${MAX_DEPUTIES}, got ${count}`)
  }
  const rng = mulberry32(seed)
  const n = delegationCount(count)
  const delegations = delegationNames(rng, n)
  const sizes = delegationSizes(rng, count, n)
  const seatsPerRow = Math.max(8, Math.min(40, Math.ceil(Math.sqrt(count * 2))))

  const used = new Set<string>()
  const deputies: DemoDeputy[] = []
  delegations.forEach((delegation, d) => {
    const names: string[] = []
    for (let k = 0; k < (sizes[d] ?? 0); k++) {
      let name = randomName(rng, false)
      for (let tries = 1; used.has(name); tries++) name = randomName(rng, tries > 8)
      used.add(name)
      names.push(name)
    }
    names.sort(compareByStrokes)
    for (const name of names) {
      const index = deputies.length
      const seat = `${Math.floor(index / seatsPerRow) + 1}排${(index % seatsPerRow) + 1}号`
      deputies.push({ name, delegation, seat })
    }
  })
  return deputies
}

/** The demo meeting: 青川区's congress, `deputyCount` deputies (default 327), 13 projects. */
export function demoMeeting(deputyCount: number = DEFAULT_DEPUTY_COUNT): DemoMeeting {
  return {
    title: MEETING_TITLE,
    deputies: demoDeputies(deputyCount),
    projects: PROJECTS.map((p) => ({ ...p })),
  }
}
