import { setImmediate as nextTurn } from 'node:timers/promises'
import { formatMeetingDate } from '../../../shared/hall/meeting-details'
import { emptyMeetingDetails } from '../../../shared/protocol/meeting-details.schema'
import type { MeetingDetails } from '../../../shared/protocol/meeting-details.schema'
import { A4, belowMargin, createPdf, fitText, watermark } from './pdf-document'
import type { CjkFonts } from './pdf-fonts'
import { FONT } from './pdf-fonts'
import { cardLabels, meetingLabels } from './report-labels'
import { drawQr } from './qr-vector.pdf'

export interface CredentialCard {
  name: string
  delegation: string
  seat: string
  /** The join URL carrying the deputy's credential; only ever printed as a QR code. */
  joinUrl: string
  /** The join code for a tablet that cannot scan, printed as text: ABCD-EFGH-JKMN. */
  joinCode: string
}

/** What the cards and the join sheet say of the meeting besides its title. */
export interface CardMeeting {
  meetingTitle: string
  /** Its session (届次/会次) heads each card, its date and venue are printed under the seat. */
  meetingDetails?: MeetingDetails | null
  /** 演练: each card and the sheet say so, across and in words. */
  rehearsal?: boolean
}

export interface CredentialCardsInput extends CardMeeting {
  cards: CredentialCard[]
  /** PDF creation date; fix it to get identical bytes for identical cards. */
  generatedAt?: Date
}

export interface JoinSheetInput extends CardMeeting {
  wifiName: string
  wifiPassword?: string
  hostUrl: string
  generatedAt?: Date
}

export interface Box {
  x: number
  y: number
  w: number
  h: number
}

export const CARDS_PER_PAGE = 8
const COLS = 2
/** 90 × 63.5 mm: a common badge-holder size. */
const CARD_W = 255
const CARD_H = 180
const GRID_X = (A4.width - COLS * CARD_W) / 2
const GRID_Y = (A4.height - 4 * CARD_H) / 2
const PAD = 12
const QR = 112

/** Where card `i` (0-based over the whole document) sits on its page, and its QR square. */
export function cardLayout(i: number): { page: number; card: Box; qr: Box } {
  const slot = i % CARDS_PER_PAGE
  const x = GRID_X + (slot % COLS) * CARD_W
  const y = GRID_Y + Math.floor(slot / COLS) * CARD_H
  return {
    page: Math.floor(i / CARDS_PER_PAGE),
    card: { x, y, w: CARD_W, h: CARD_H },
    qr: { x: x + CARD_W - PAD - QR, y: y + 30, w: QR, h: QR },
  }
}

/**
 * Credential cards, 8 per A4 page (2 × 4) with cut marks: the deputy's name large, delegation,
 * seat, the QR code of the personal join URL, the join code to type instead, and how to use
 * them. The URL itself is not printed: it is the credential, and a QR is harder to copy down by a
 * neighbour. The join code is printed (it must be typed): the card is kept like a key either way.
 */
export async function renderCredentialCardsPdf(
  input: CredentialCardsInput,
  options: { fonts?: CjkFonts } = {},
): Promise<Buffer> {
  const { doc, finish } = createPdf({
    title: `${input.meetingTitle} 代表证`,
    subject: input.meetingTitle,
    createdAt: input.generatedAt ?? new Date(),
    bufferPages: false,
    ...options,
  })
  const about = describe(input)
  for (const [i, card] of input.cards.entries()) {
    const at = cardLayout(i)
    if (i > 0 && i % CARDS_PER_PAGE === 0) {
      // A page takes ~15 ms; all of them at once held the host's event loop (every ballot, every
      // tablet's heartbeat) for ~11 s at 5,000 deputies. Between pages it goes round.
      await nextTurn()
      doc.addPage()
    }
    if (i % CARDS_PER_PAGE === 0) cutMarks(doc)
    drawCard(doc, about, card, at.card, at.qr)
  }
  return finish()
}

/** The meeting as printed on a card or the sheet: its heading line and its date and venue. */
function describe(input: CardMeeting) {
  const details = input.meetingDetails ?? emptyMeetingDetails
  const rehearsal = input.rehearsal ?? false
  const name = details.session.trim() || input.meetingTitle
  return {
    heading: (rehearsal ? meetingLabels.rehearsalMark : '') + name,
    where: [details.date ? formatMeetingDate(details.date) : '', details.venue]
      .filter((p) => p !== '')
      .join(' · '),
    rehearsal,
  }
}

function drawCard(
  doc: PDFKit.PDFDocument,
  about: ReturnType<typeof describe>,
  card: CredentialCard,
  box: Box,
  qr: Box,
) {
  // A faint outline helps whoever cuts by hand without scissors; cut marks do the precise part.
  doc.rect(box.x, box.y, box.w, box.h).lineWidth(0.3).dash(2, { space: 2 }).stroke('#c8cdd3')
  doc.undash()
  const left = box.x + PAD
  const textW = qr.x - left - 8
  // Across the text side: under the QR it would be hidden and could trouble a camera.
  if (about.rehearsal)
    watermark(doc, meetingLabels.rehearsal, { ...box, w: qr.x - box.x, y: box.y + 20 }, 56)
  doc
    .font(FONT.regular)
    .fontSize(8)
    .fillColor(about.rehearsal ? '#c00000' : '#5f6b7a')
  doc.text(fitText(doc, about.heading, box.w - 2 * PAD), left, box.y + 10, { lineBreak: false })
  if (about.where) {
    doc.fillColor('#5f6b7a')
    doc.text(fitText(doc, about.where, box.w - 2 * PAD), left, box.y + 21, { lineBreak: false })
  }
  // Long names (e.g. 阿卜杜热合曼·买买提) shrink, then wrap to a second line, never clip.
  let size = 24
  doc.font(FONT.bold).fillColor('#111111')
  while (size > 16 && doc.fontSize(size).widthOfString(card.name) > textW) size -= 1
  if (doc.fontSize(size).widthOfString(card.name) <= textW) {
    doc.text(card.name, left, box.y + 40, { lineBreak: false })
  } else {
    doc.fontSize(14).text(card.name, left, box.y + 34, { width: textW, height: 44, ellipsis: true })
  }
  doc.font(FONT.regular).fontSize(10).fillColor('#333333')
  doc.text(fitText(doc, card.delegation, textW), left, box.y + 84, { lineBreak: false })
  doc.text(fitText(doc, `${cardLabels.seat}：${card.seat}`, textW), left, box.y + 102, {
    lineBreak: false,
  })
  // Typed, not scanned: large and bold enough to read at arm's length; a long code shrinks.
  doc.font(FONT.regular).fontSize(8).fillColor('#5f6b7a')
  doc.text(cardLabels.joinCode, left, box.y + 119, { lineBreak: false })
  let codeSize = 14
  doc.font(FONT.bold).fillColor('#111111')
  while (codeSize > 9 && doc.fontSize(codeSize).widthOfString(card.joinCode) > textW) codeSize -= 1
  doc.text(card.joinCode, left, box.y + 130, { lineBreak: false })
  if (about.rehearsal) {
    doc.font(FONT.bold).fontSize(7).fillColor('#c00000')
    doc.text(fitText(doc, meetingLabels.rehearsalCard, textW), left, box.y + 146, {
      lineBreak: false,
    })
  }
  drawQr(doc, card.joinUrl, qr.x, qr.y, qr.w)
  doc.font(FONT.bold).fontSize(9).fillColor('#1f4e8c')
  doc.text(cardLabels.instruction, box.x, box.y + box.h - 26, { width: box.w, align: 'center' })
}

/** Crop marks in the page margin at every grid line, clear of the cards themselves. */
function cutMarks(doc: PDFKit.PDFDocument) {
  const gap = 4
  const len = 14
  const right = GRID_X + COLS * CARD_W
  const bottom = GRID_Y + 4 * CARD_H
  belowMargin(doc, () => {
    doc.lineWidth(0.5).strokeColor('#000000')
    for (let c = 0; c <= COLS; c++) {
      const x = GRID_X + c * CARD_W
      doc.moveTo(x, GRID_Y - gap - len).lineTo(x, GRID_Y - gap)
      doc.moveTo(x, bottom + gap).lineTo(x, bottom + gap + len)
    }
    for (let r = 0; r <= 4; r++) {
      const y = GRID_Y + r * CARD_H
      doc.moveTo(GRID_X - gap - len, y).lineTo(GRID_X - gap, y)
      doc.moveTo(right + gap, y).lineTo(right + gap + len, y)
    }
    doc.stroke()
  })
}

/** The join sheet's big QR (host URL), for tests that read it back. */
export const joinSheetQr: Box = { x: (A4.width - 280) / 2, y: 300, w: 280, h: 280 }

/**
 * The join sheet posted at the hall door and on each desk: the Wi-Fi name and password, the host
 * URL as text and as a big QR code, a small Wi-Fi QR, and the three steps to join.
 */
export async function renderJoinSheetPdf(
  input: JoinSheetInput,
  options: { fonts?: CjkFonts } = {},
): Promise<Buffer> {
  const { doc, finish } = createPdf({
    title: `${input.meetingTitle} ${cardLabels.joinTitle}`,
    subject: input.meetingTitle,
    createdAt: input.generatedAt ?? new Date(),
    ...options,
  })
  const left = 60
  const width = A4.width - 2 * left
  const center = (text: string, y: number, font: string, size: number, color = '#111111') => {
    doc.font(font).fontSize(size).fillColor(color)
    doc.text(fitText(doc, text, width), left, y, { width, align: 'center', lineBreak: false })
  }
  const about = describe(input)
  center(about.heading, 44, FONT.regular, 14, about.rehearsal ? '#c00000' : '#333333')
  if (about.where) center(about.where, 64, FONT.regular, 11, '#5f6b7a')
  center(cardLabels.joinTitle, 86, FONT.bold, 28)
  const password = input.wifiPassword ? input.wifiPassword : cardLabels.noPassword
  const rows: [string, string][] = [
    [cardLabels.wifi, input.wifiName],
    [cardLabels.password, password],
    [cardLabels.hostUrl, input.hostUrl],
  ]
  rows.forEach(([label, value], i) => {
    const y = 150 + i * 44
    doc.font(FONT.regular).fontSize(12).fillColor('#5f6b7a').text(label, left, y)
    doc.font(FONT.bold).fontSize(20).fillColor('#111111')
    doc.text(fitText(doc, value, width - 130), left + 130, y - 5, { lineBreak: false })
  })
  drawQr(doc, input.hostUrl, joinSheetQr.x, joinSheetQr.y, joinSheetQr.w)
  center(input.hostUrl, joinSheetQr.y + joinSheetQr.h + 6, FONT.regular, 11, '#333333')
  const stepsTop = joinSheetQr.y + joinSheetQr.h + 40
  doc.font(FONT.regular).fontSize(12).fillColor('#111111')
  let y = stepsTop
  for (const step of cardLabels.joinSteps) {
    doc.text(step, left, y, { width: width - 124 })
    y += doc.heightOfString(step, { width: width - 124 }) + 8
  }
  // Step 1 by camera: a second, smaller code that joins the hall Wi-Fi directly.
  const wifiX = A4.width - left - 100
  drawQr(doc, wifiQrText(input.wifiName, input.wifiPassword), wifiX, stepsTop - 8, 100)
  doc.font(FONT.regular).fontSize(9).fillColor('#5f6b7a')
  doc.text(cardLabels.wifiQr, wifiX - 10, stepsTop + 96, { width: 120, align: 'center' })
  // Below the big QR, which a camera must read undisturbed.
  if (about.rehearsal) {
    const top = joinSheetQr.y + joinSheetQr.h
    watermark(doc, meetingLabels.rehearsal, { x: 0, y: top, w: A4.width, h: A4.height - top }, 120)
  }
  return finish()
}

/** The WIFI: scheme phone and tablet cameras offer to join directly (iOS 11+, Android 10+). */
export function wifiQrText(ssid: string, password?: string): string {
  const esc = (s: string) => s.replace(/([\\;,:"])/g, '\\$1')
  return password
    ? `WIFI:T:WPA;S:${esc(ssid)};P:${esc(password)};;`
    : `WIFI:T:nopass;S:${esc(ssid)};;`
}
