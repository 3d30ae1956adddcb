import { describe, expect, it } from 'vitest'
import { hasRequiredRoles, rowProblems, rowsToSend } from './scrutineer-rows'

describe('the scrutineers form', () => {
  it('names each row at fault: a blank name, the same person twice', () => {
    const rows = [
      { role: 'chief', name: '周建国', delegation: '城关' },
      { role: 'scrutineer', name: '  ', delegation: '' },
      { role: 'teller', name: ' 周建国 ', delegation: '城关 ' },
    ] as const
    expect(rowProblems([...rows])).toEqual([
      { key: 'office.scrutineers.needName', params: { row: 2 } },
      { key: 'office.scrutineers.duplicate', params: { row: 3, name: '周建国', first: 1 } },
    ])
    // The same name in another delegation is another person.
    expect(rowProblems([rows[0], { ...rows[0], delegation: '东城' }])).toEqual([])
  })

  it('sends the rows trimmed, and approval needs a 总监票人 and a 监票人', () => {
    expect(rowsToSend([{ role: 'chief', name: ' 周建国 ', delegation: ' 城关 ' }])).toEqual([
      { role: 'chief', name: '周建国', delegation: '城关' },
    ])
    expect(hasRequiredRoles([{ role: 'chief' }, { role: 'teller' }])).toBe(false)
    expect(hasRequiredRoles([{ role: 'scrutineer' }, { role: 'chief' }])).toBe(true)
  })
})
