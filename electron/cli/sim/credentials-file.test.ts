import { describe, expect, it } from 'vitest'
import { parseCredentialsCsv } from './credentials-file'

describe('parseCredentialsCsv', () => {
  it('reads the console export: BOM, CRLF, quoted cells, formula-guarded credentials', () => {
    const csv =
      '\uFEFF编号,姓名,代表团,座位号,凭证,加入链接\r\n' +
      'D001,张三,"城关,代表团",1排1座,abc_DEF,http://h/tablet/#c=abc_DEF\r\n' +
      "D002,李四,北区,1排2座,'-xyz,http://h/tablet/#c=-xyz\r\n"
    expect(parseCredentialsCsv(csv)).toEqual([
      { id: 'D001', name: '张三', credential: 'abc_DEF' },
      { id: 'D002', name: '李四', credential: '-xyz' },
    ])
  })

  it('names the line of an empty credential and a missing column', () => {
    expect(() => parseCredentialsCsv('编号,姓名,凭证\nD001,张三,\n')).toThrow(/第 2 行/)
    expect(() => parseCredentialsCsv('编号,姓名\nD001,张三\n')).toThrow(/凭证/)
  })
})
