import { describe, expect, it } from 'vitest'
import { skipUnless } from '../testing/skip-unless'
import {
  cardLayout,
  joinSheetQr,
  renderCredentialCardsPdf,
  renderJoinSheetPdf,
  wifiQrText,
} from './credential-cards.pdf'
import { hasTool, pageCount, pdfText, qrMismatches, rasterise } from './pdf-inspect.fixture'
import { demoMeetingTitle } from './report.fixture'

const poppler = hasTool('pdftoppm') && hasTool('pdftotext')
const needsPoppler = 'needs pdftoppm and pdftotext (apt-get install poppler-utils)'
const at = new Date('2027-01-10T00:00:00Z')

function cards(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    name: ['丁彤霞', '于旭', '阿卜杜热合曼·买买提'][i % 3]!,
    delegation: '城关街道代表团',
    seat: `${Math.floor(i / 10) + 1}排${(i % 10) + 1}号`,
    joinUrl: `http://192.168.1.10:8080/d/#c=Qm9vdGggYmFsbG90${String(i).padStart(3, '0')}`,
    joinCode: `WXYZ-MN${String(i).padStart(2, '2')}-HJK${(i % 8) + 2}`,
  }))
}

describe('renderCredentialCardsPdf', () => {
  it.each([
    [1, 1],
    [8, 1],
    [9, 2],
    [20, 3],
  ])('puts %i cards on %i A4 pages', async (n, pages) => {
    const pdf = await renderCredentialCardsPdf({
      meetingTitle: demoMeetingTitle,
      cards: cards(n),
      generatedAt: at,
    })
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(pageCount(pdf)).toBe(pages)
  })

  it('is deterministic for a fixed generatedAt', async () => {
    const input = { meetingTitle: demoMeetingTitle, cards: cards(3), generatedAt: at }
    expect(
      (await renderCredentialCardsPdf(input)).equals(await renderCredentialCardsPdf(input)),
    ).toBe(true)
  })

  // Cards for a whole roster are hundreds of pages: the host's event loop (ballots, tablets'
  // heartbeats) must go round between them, not wait out the whole document.
  it('lets the event loop turn between pages', async () => {
    let turns = 0
    let stop = false
    const spin = () => {
      if (stop) return
      turns += 1
      setImmediate(spin)
    }
    setImmediate(spin)
    const pdf = await renderCredentialCardsPdf({
      meetingTitle: demoMeetingTitle,
      cards: cards(40),
      generatedAt: at,
    })
    stop = true
    expect(pageCount(pdf)).toBe(5)
    expect(turns).toBeGreaterThanOrEqual(4)
  })

  it('draws each card QR as the code of its own join URL', async (ctx) => {
    skipUnless(ctx, poppler, needsPoppler)
    const list = cards(10)
    const pdf = await renderCredentialCardsPdf({
      meetingTitle: demoMeetingTitle,
      cards: list,
      generatedAt: at,
    })
    const dpi = 200
    const pages = [rasterise(pdf, 1, dpi), rasterise(pdf, 2, dpi)]
    list.forEach((card, i) => {
      const { page, qr } = cardLayout(i)
      expect(qrMismatches(pages[page]!, dpi, qr, card.joinUrl)).toBe(0)
      // And it is not just any QR: the neighbour's URL does not match.
      expect(qrMismatches(pages[page]!, dpi, qr, list[(i + 1) % 10]!.joinUrl)).toBeGreaterThan(20)
    })
    const text = pdfText(pdf)
    expect(text).toContain('请用平板扫描二维码，或在表决页面输入加入码')
    expect(text).toContain('丁彤霞')
    // Each card's join code as text, whole, to be typed.
    for (const card of list) expect(text).toContain(card.joinCode)
    expect(text).not.toContain('Qm9vdGggYmFsbG90') // the credential is only in the QR
  })

  it('says on every card of a rehearsal that it is one, and its QR still reads', async (ctx) => {
    skipUnless(ctx, poppler, needsPoppler)
    const list = cards(3)
    const pdf = await renderCredentialCardsPdf({
      meetingTitle: '2027年度民生实事项目票决',
      meetingDetails: {
        session: '青川区第十八届人民代表大会第五次会议',
        date: '2027-01-12',
        venue: '青川区人民会堂',
        presiding: '张明',
      },
      rehearsal: true,
      cards: list,
      generatedAt: at,
    })
    const page = rasterise(pdf, 1, 200)
    list.forEach((card, i) => {
      expect(qrMismatches(page, 200, cardLayout(i).qr, card.joinUrl)).toBe(0)
    })
    const text = pdfText(pdf).replace(/\s+/g, '')
    expect(text.match(/【演练】青川区第十八届人民代表大会第五次会议/g)).toHaveLength(3)
    expect(text.match(/演练用代表证，仅供演练使用/g)).toHaveLength(3)
    expect(text.match(/2027年1月12日·青川区人民会堂/g)).toHaveLength(3)
    // The presiding officer is for the screen and the report, not a deputy's card.
    expect(text).not.toContain('张明')
  })
})

describe('renderJoinSheetPdf', () => {
  const input = {
    meetingTitle: demoMeetingTitle,
    wifiName: 'QCRD-Hall',
    wifiPassword: 'renda;2027',
    hostUrl: 'http://192.168.1.10:8080/',
    generatedAt: at,
  }

  it('is one page with the Wi-Fi name, password and host URL as text', async (ctx) => {
    const pdf = await renderJoinSheetPdf(input)
    expect(pageCount(pdf)).toBe(1)
    skipUnless(ctx, poppler, needsPoppler)
    const text = pdfText(pdf)
    for (const s of ['QCRD-Hall', 'renda;2027', 'http://192.168.1.10:8080/', '表决系统接入说明']) {
      expect(text).toContain(s)
    }
  })

  it('draws the big QR as the code of the host URL', async (ctx) => {
    skipUnless(ctx, poppler, needsPoppler)
    const pdf = await renderJoinSheetPdf(input)
    expect(qrMismatches(rasterise(pdf, 1, 150), 150, joinSheetQr, input.hostUrl)).toBe(0)
  })

  it('escapes Wi-Fi QR text and handles an open network', () => {
    expect(wifiQrText('Hall;5G', 'a:b')).toBe('WIFI:T:WPA;S:Hall\\;5G;P:a\\:b;;')
    expect(wifiQrText('Hall')).toBe('WIFI:T:nopass;S:Hall;;')
  })
})
