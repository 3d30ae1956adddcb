import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { decodeText, parseCsv } from './csv-reader'
import { cleanText } from './grid'

describe('parseCsv', () => {
  it.each([
    [
      'a,b\r\nc,d\r\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'a,b\nc,d',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'a,b\rc,d\r',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    ['"a,1","b ""q"""\n', [['a,1', 'b "q"']]],
    [
      '"line\nbreak",x\ny,z\n',
      [
        ['line\nbreak', 'x'],
        ['y', 'z'],
      ],
    ],
    ['a,b\n\nc,d\n', [['a', 'b'], [''], ['c', 'd']]],
    [
      'a\tb\nc\td\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'a;b\nc;d\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    ['a,,\n', [['a', '', '']]],
    ['"unterminated,x\n', [['unterminated,x\n']]],
  ])('%j', (text, expected) => {
    expect(parseCsv(text)).toEqual(expected)
  })
})

describe('decodeText', () => {
  const text = '姓名,代表团\n欧阳志远,城关街道代表团\n'

  it('decodes UTF-8 with and without BOM, GBK, GB18030, UTF-16 with BOM', () => {
    expect(decodeText(Buffer.from(text, 'utf8'))).toBe(text)
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toBe(
      text,
    )
    expect(decodeText(iconv.encode(text, 'gbk'))).toBe(text)
    expect(decodeText(iconv.encode('王䶮', 'gb18030'))).toBe('王䶮')
    expect(decodeText(iconv.encode(`\ufeff${text}`, 'utf16le'))).toBe(text)
    expect(decodeText(iconv.encode(`\ufeff${text}`, 'utf16be'))).toBe(text)
  })
})

describe('cleanText', () => {
  it.each([
    ['  李明  ', '李明'],
    ['王\u3000\u3000芳', '王芳'],
    ['\u3000城关 街道\u00a0代表团 ', '城关街道代表团'],
    ['Li   Ming', 'Li Ming'],
    ['阿依古丽 · 买买提', '阿依古丽·买买提'],
    // Only spaces between two Chinese characters go; seats still compare without spaces.
    ['3排 12号', '3排 12号'],
  ])('%j → %j', (input, expected) => {
    expect(cleanText(input)).toBe(expected)
  })
})
