import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { deflateRawSync } from 'node:zlib'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { parseRosterFile } from './roster-import'
import { checkZip } from './zip-guard'

const fixture = (name: string): Buffer =>
  readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)))

/** A minimal zip writer: one deflated entry, with the uncompressed size it claims. */
function zipOf(name: string, content: Buffer, claimedSize = content.length): Buffer {
  const body = deflateRawSync(content, { level: 9 })
  const nameBytes = Buffer.from(name)
  const local = Buffer.alloc(30)
  local.writeUInt32LE(0x04034b50, 0)
  local.writeUInt16LE(20, 4)
  local.writeUInt16LE(8, 8)
  local.writeUInt32LE(body.length, 18)
  local.writeUInt32LE(claimedSize, 22)
  local.writeUInt16LE(nameBytes.length, 26)
  const central = Buffer.alloc(46)
  central.writeUInt32LE(0x02014b50, 0)
  central.writeUInt16LE(20, 4)
  central.writeUInt16LE(20, 6)
  central.writeUInt16LE(8, 10)
  central.writeUInt32LE(body.length, 20)
  central.writeUInt32LE(claimedSize, 24)
  central.writeUInt16LE(nameBytes.length, 28)
  central.writeUInt32LE(0, 42)
  const dirOffset = local.length + nameBytes.length + body.length
  const dirSize = central.length + nameBytes.length
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(1, 8)
  end.writeUInt16LE(1, 10)
  end.writeUInt32LE(dirSize, 12)
  end.writeUInt32LE(dirOffset, 16)
  return Buffer.concat([local, nameBytes, body, central, nameBytes, end])
}

describe('zip guard', () => {
  it('passes real workbooks', () => {
    for (const name of ['roster-3000.xlsx', 'roster-merged-header.xlsx', 'projects.xlsx'])
      expect(checkZip(fixture(name)), name).toEqual({ ok: true })
  })

  it('stops a zip bomb before it inflates, even when the header claims a small size', () => {
    const zeros = Buffer.alloc(80 * 1024 * 1024)
    const honest = zipOf('xl/worksheets/sheet1.xml', zeros)
    expect(honest.length).toBeLessThan(200 * 1024)
    expect(checkZip(honest)).toEqual({ ok: false, reason: 'too-large' })
    const lying = zipOf('xl/worksheets/sheet1.xml', zeros, 1000)
    expect(checkZip(lying)).toEqual({ ok: false, reason: 'too-large' })
  })

  it('gives the importer a clear answer for a bomb and for a truncated workbook', async () => {
    const bomb = zipOf('xl/worksheets/sheet1.xml', Buffer.alloc(80 * 1024 * 1024))
    const parsed = await parseRosterFile(bomb, 'bomb.xlsx')
    expect(parsed.rows).toEqual([])
    expect(parsed.problems[0]).toMatchObject({ code: 'wrong-file-type' })
    expect(parsed.problems[0]?.message).toMatch(/解压后过大/)

    const truncated = fixture('roster-3000.xlsx').subarray(0, 4000)
    const cut = await parseRosterFile(truncated, 'cut.xlsx')
    expect(cut.problems[0]).toMatchObject({ code: 'wrong-file-type' })
    expect(cut.problems[0]?.message).toMatch(/无法读取该 XLSX 工作簿/)
  })

  it('refuses formulas without saved results, naming the row; cached results are read', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('名单')
    ws.addRow(['姓名', '代表团', '座位号'])
    ws.addRow([{ formula: 'A1&"x"' }, { formula: 'B1' }, { formula: 'C1' }])
    ws.addRow([{ formula: 'CONCAT("王","芳")', result: '王芳' }, '城关', '1排1号'])
    const parsed = await parseRosterFile(Buffer.from(await wb.xlsx.writeBuffer()), 'f.xlsx')
    expect(parsed.problems.map((p) => [p.code, p.row])).toEqual([['formula-without-value', 2]])
    expect(parsed.problems[0]?.message).toMatch(/^第2行：单元格是公式/)

    ws.spliceRows(2, 1)
    const cached = await parseRosterFile(Buffer.from(await wb.xlsx.writeBuffer()), 'g.xlsx')
    expect(cached.problems).toEqual([])
    expect(cached.rows.map((r) => r.name)).toEqual(['王芳'])
  })
})
