import { describe, expect, it } from 'vitest'
import { importUrl, isAllowedRequest, isExternalWebUrl, isOwnUrl, pageUrl } from './shell-urls'

describe('shell URLs', () => {
  it('builds the page URLs on loopback with no token in them', () => {
    expect(pageUrl(8080, 'console')).toBe('http://127.0.0.1:8080/console/')
    expect(pageUrl(51234, 'screen')).toBe('http://127.0.0.1:51234/screen/')
  })

  it('builds the import upload URL with the file name encoded', () => {
    expect(importUrl(8080, 'roster', '代表名单 2026.xlsx')).toBe(
      'http://127.0.0.1:8080/api/import/roster?name=%E4%BB%A3%E8%A1%A8%E5%90%8D%E5%8D%95%202026.xlsx',
    )
    expect(importUrl(8080, 'projects', 'a&b?.csv')).toBe(
      'http://127.0.0.1:8080/api/import/projects?name=a%26b%3F.csv',
    )
    const long = importUrl(1, 'roster', 'x'.repeat(500))
    expect(new URL(long).searchParams.get('name')).toHaveLength(200)
  })

  it.each([
    ['http://127.0.0.1:8080/console/', 8080, true],
    ['http://127.0.0.1:8080/screen/#x', 8080, true],
    ['http://127.0.0.1:8081/console/', 8080, false],
    ['http://localhost:8080/console/', 8080, false],
    ['https://127.0.0.1:8080/', 8080, false],
    ['file:///etc/passwd', 8080, false],
    ['http://127.0.0.1:8080.evil.example/', 8080, false],
    ['not a url', 8080, false],
    ['http://127.0.0.1:8080/console/', null, false],
  ])('isOwnUrl(%s, %s) is %s', (url, port, own) => {
    expect(isOwnUrl(url, port)).toBe(own)
  })

  it('hands only web links to the system browser', () => {
    expect(isExternalWebUrl('https://www.npc.gov.cn/')).toBe(true)
    expect(isExternalWebUrl('file:///C:/Windows/system32/calc.exe')).toBe(false)
    expect(isExternalWebUrl('smb://share/x')).toBe(false)
    expect(isExternalWebUrl('javascript:alert(1)')).toBe(false)
  })

  it.each([
    ['http://127.0.0.1:8080/assets/index-abc.js', true],
    ['ws://127.0.0.1:8080/socket.io/?EIO=4&transport=websocket', true],
    ['data:image/png;base64,AAAA', true],
    ['blob:http://127.0.0.1:8080/uuid', true],
    ['devtools://devtools/bundled/inspector.html', true],
    ['https://fonts.googleapis.com/css', false],
    ['http://192.168.1.10:8080/tablet/', false],
    ['ws://127.0.0.1:9999/', false],
    ['file:///C:/secret.txt', false],
  ])('isAllowedRequest(%s) is %s', (url, allowed) => {
    expect(isAllowedRequest(url, 8080)).toBe(allowed)
  })
})
