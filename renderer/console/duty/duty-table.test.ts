import { describe, expect, it } from 'vitest'
import type { DutyPersonRow } from '../../../shared/duty/duty-view'
import { dutyRows } from './duty-table'

function row(
  name: string,
  delegation: string,
  present: number,
  meetings: number,
  number = '',
): DutyPersonRow {
  return {
    key: name,
    number,
    name,
    delegation,
    delegations: [delegation === '第二代表组' ? '第二代表团' : delegation, delegation],
    meetings,
    present,
    leave: 0,
    absent: meetings - present,
    points: null,
    basis: 'number',
    changed: false,
    confirmed: false,
    needsConfirm: false,
    ambiguous: null,
  }
}

const rows = [
  row('张伟', '第一代表团', 2, 3, '0012'),
  row('李娜', '第二代表组', 2, 2, '0013'),
  row('王芳', '第三代表团', 0, 1),
  row('赵敏', '第一代表团', 1, 1, '0002'),
]
const names = (list: DutyPersonRow[]) => list.map((r) => r.name)

describe('the 代表履职 list', () => {
  it('sorts by attendance either way, the rate breaking ties', () => {
    const all = { delegation: '', query: '' }
    expect(names(dutyRows(rows, { ...all, sort: 'present-desc' }))).toEqual([
      '李娜',
      '张伟',
      '赵敏',
      '王芳',
    ])
    expect(names(dutyRows(rows, { ...all, sort: 'present-asc' }))).toEqual([
      '王芳',
      '赵敏',
      '张伟',
      '李娜',
    ])
    expect(names(dutyRows(rows, { ...all, sort: 'number' }))).toEqual([
      '赵敏',
      '张伟',
      '李娜',
      '王芳',
    ])
  })

  it('filters by delegation, a renamed one by its old name too, and by name or 编号', () => {
    const by = (delegation: string, query = '') =>
      names(dutyRows(rows, { delegation, query, sort: 'delegation' }))
    expect(by('第一代表团')).toEqual(['张伟', '赵敏'])
    expect(by('第二代表团')).toEqual(['李娜'])
    expect(by('', '00')).toEqual(['张伟', '赵敏', '李娜'])
    expect(by('', '王')).toEqual(['王芳'])
    expect(by('', '__proto__')).toEqual([])
  })
})
