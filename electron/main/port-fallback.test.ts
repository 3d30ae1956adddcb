import { describe, expect, it } from 'vitest'
import { isPortProblem, nextPortToTry, portChoiceFor, portQuestion } from './port-fallback'
import { shellWords } from './shell-labels'

const zh = shellWords('zh-CN')
const en = shellWords('en-US')

describe('nextPortToTry', () => {
  it('tries the next port up, skipping ones already tried', () => {
    expect(nextPortToTry(8080, [8080])).toBe(8081)
    expect(nextPortToTry(8080, [8080, 8081, 8082])).toBe(8083)
  })
  it('leaves privileged ports for the 8080 range', () => {
    expect(nextPortToTry(80, [80])).toBe(8080)
  })
  it('runs out at the top of the range', () => {
    expect(nextPortToTry(65535, [65535])).toBeNull()
  })
})

describe('portQuestion', () => {
  it('offers the next port, any free port, or quit, in Chinese', () => {
    const q = portQuestion(8080, 'EADDRINUSE', [], zh)
    expect(q.message).toBe('端口 8080 已被其他程序占用。')
    expect(q.buttons).toEqual(['改用端口 8081', '自动选择空闲端口', '退出'])
    expect(q.choices).toEqual([
      { kind: 'retry', port: 8081 },
      { kind: 'retry', port: 0 },
      { kind: 'quit' },
    ])
    expect(q.cancelId).toBe(2)
  })

  it('says when the port is not allowed, and skips ports that already failed', () => {
    const q = portQuestion(8081, 'EACCES', [8080], en)
    expect(q.message).toBe('Port 8081 is not allowed.')
    expect(q.choices[0]).toEqual({ kind: 'retry', port: 8082 })
  })

  it('does not offer "any free port" again when that is what failed', () => {
    const q = portQuestion(0, 'EADDRINUSE', [8080], zh)
    expect(q.choices).toEqual([{ kind: 'retry', port: 8081 }, { kind: 'quit' }])
  })

  it('maps the pressed button, and a closed dialog, to a choice', () => {
    const q = portQuestion(8080, 'EADDRINUSE', [], zh)
    expect(portChoiceFor(q, 0)).toEqual({ kind: 'retry', port: 8081 })
    expect(portChoiceFor(q, 1)).toEqual({ kind: 'retry', port: 0 })
    expect(portChoiceFor(q, 2)).toEqual({ kind: 'quit' })
    expect(portChoiceFor(q, -1)).toEqual({ kind: 'quit' })
  })
})

describe('isPortProblem', () => {
  it('knows which start failures a new port fixes', () => {
    expect(isPortProblem('EADDRINUSE')).toBe(true)
    expect(isPortProblem('EACCES')).toBe(true)
    expect(isPortProblem('ENOENT')).toBe(false)
    expect(isPortProblem(null)).toBe(false)
  })
})
