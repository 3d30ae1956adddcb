/**
 * Draws the app icon (a ballot with a tick going into a ballot box, on red) and writes it as
 * PNG at 1024, 512 and 256 pixels. Drawn from shapes here, so it needs no image tools and no
 * internet: `npx tsx resources/icons/make-icons.ts`. electron-builder makes .ico and .icns
 * from icon-1024.png (it wants at least 512×512 for macOS).
 */
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { deflateSync } from 'node:zlib'

type Rgba = [number, number, number, number]
const red: Rgba = [200, 16, 46, 255]
const gold: Rgba = [242, 193, 78, 255]
const white: Rgba = [255, 255, 255, 255]
const slot: Rgba = [120, 12, 30, 255]

/** Signed distance to a rounded rectangle centred at (cx, cy); negative inside. */
function roundedRect(
  x: number,
  y: number,
  cx: number,
  cy: number,
  hw: number,
  hh: number,
  r: number,
) {
  const qx = Math.abs(x - cx) - hw + r
  const qy = Math.abs(y - cy) - hh + r
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r
}

/** Signed distance to a thick line from (ax, ay) to (bx, by). */
function stroke(x: number, y: number, ax: number, ay: number, bx: number, by: number, w: number) {
  const px = x - ax
  const py = y - ay
  const dx = bx - ax
  const dy = by - ay
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)))
  return Math.hypot(px - dx * t, py - dy * t) - w / 2
}

/** The colour at a point of the unit square, painter's order: last shape on top. */
function shade(x: number, y: number): Rgba {
  let color: Rgba = [0, 0, 0, 0]
  if (roundedRect(x, y, 0.5, 0.5, 0.46, 0.46, 0.1) < 0) color = red
  // The ballot, half inside the box.
  if (roundedRect(x, y, 0.5, 0.4, 0.2, 0.22, 0.025) < 0) color = white
  if (
    stroke(x, y, 0.4, 0.38, 0.47, 0.46, 0.05) < 0 ||
    stroke(x, y, 0.47, 0.46, 0.62, 0.27, 0.05) < 0
  )
    color = red
  // The box covers the ballot's lower half; the slot is a dark line across its top.
  if (roundedRect(x, y, 0.5, 0.7, 0.32, 0.16, 0.03) < 0) color = gold
  if (roundedRect(x, y, 0.5, 0.575, 0.24, 0.012, 0.012) < 0) color = slot
  return color
}

/** 4×4 supersampling, so the edges are smooth at 256 pixels. */
function render(size: number): Buffer {
  const n = 4
  const rows: Buffer[] = []
  for (let py = 0; py < size; py += 1) {
    const row = Buffer.alloc(1 + size * 4)
    for (let px = 0; px < size; px += 1) {
      const sum = [0, 0, 0, 0]
      for (let sy = 0; sy < n; sy += 1) {
        for (let sx = 0; sx < n; sx += 1) {
          const c = shade((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size)
          const a = c[3] / 255
          sum[0] += c[0] * a
          sum[1] += c[1] * a
          sum[2] += c[2] * a
          sum[3] += c[3]
        }
      }
      const alpha = sum[3] / (n * n)
      const cover = alpha / 255
      for (let k = 0; k < 3; k += 1) {
        row[1 + px * 4 + k] = cover > 0 ? Math.round(sum[k] / (n * n) / cover) : 0
      }
      row[1 + px * 4 + 3] = Math.round(alpha)
    }
    rows.push(row)
  }
  return encodePng(size, size, Buffer.concat(rows))
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(data: Buffer): number {
  let c = 0xffffffff
  for (const byte of data) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** RGBA, 8 bits per channel; each row already starts with filter byte 0. */
function encodePng(width: number, height: number, raw: Buffer): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8
  header[9] = 6
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const here = dirname(fileURLToPath(import.meta.url))
for (const size of [1024, 512, 256]) {
  writeFileSync(join(here, `icon-${size}.png`), render(size))
  console.log(`icon-${size}.png`)
}
