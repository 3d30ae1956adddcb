import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DeputyState } from '../../../shared/protocol/views'
import { csvRows, parseCredentialsCsv } from '../../cli/sim/credentials-file'
import { HostHarness, next } from '../testing/host-harness'
import { skipUnless } from '../testing/skip-unless'
import { newCredential } from './credentials'

const base64url = /^[A-Za-z0-9_-]{22}$/

describe('newCredential', () => {
  it('never starts with = + - or @, even when the random source draws `-` first', () => {
    // Byte 62 is `-` in base64url (and 62 + 64k, its low 6 bits): drawn again, then 'B' (1).
    const draws = [[62], [126], [254], [1], Array.from({ length: 21 }, (_, i) => i)]
    const source = (size: number) => {
      const bytes = draws.shift() ?? []
      expect(bytes).toHaveLength(size)
      return Uint8Array.from(bytes)
    }
    expect(newCredential(source)).toBe('BABCDEFGHIJKLMNOPQRSTU')
    expect(draws).toEqual([])
  })

  it('draws 22 base64url characters with every one of the 63 first characters', () => {
    const firsts = new Set<string>()
    for (let i = 0; i < 5000; i++) {
      const c = newCredential()
      expect(c).toMatch(base64url)
      firsts.add(c[0] ?? '')
    }
    expect([...firsts].filter((c) => /[=+\-@]/.test(c))).toEqual([])
    // 5,000 draws over 63 characters miss one with odds of about 63·e^-79: all are used.
    expect(firsts.size).toBe(63)
  })
})

describe('the credential CSV', () => {
  let h: HostHarness
  beforeEach(async () => {
    h = await new HostHarness().setup()
  })
  afterEach(() => h.teardown())

  const exportCsv = async () => {
    const res = await fetch(`http://127.0.0.1:${h.host.port}/api/credentials.csv`, {
      headers: { Authorization: `Bearer ${h.host.staffToken}` },
    })
    expect(res.status).toBe(200)
    return res.text()
  }
  /** The CSV as any RFC 4180 reader sees it: no knowledge of the exporter's guards. */
  const credentialColumn = (csv: string) => {
    const [header, ...rows] = csvRows(csv.replace(/^\uFEFF/, ''))
    const col = header?.indexOf('凭证') ?? -1
    const link = header?.indexOf('加入链接') ?? -1
    return rows.map((r) => ({ id: r[0], credential: r[col], link: r[link] }))
  }

  it('holds every credential of 5,000 deputies exactly as stored', async () => {
    await h.host.meetings.loadDemo(5000)
    const stored = h.host.session.meeting.data.deputies
    const read = credentialColumn(await exportCsv())
    expect(read).toHaveLength(5000)
    // One in 64 credentials used to start with `-` and was written '-…: some 78 of 5,000.
    const wrong = read.filter((r, i) => r.credential !== stored[i]?.credential)
    expect(wrong).toEqual([])
    expect(read.filter((r) => !r.link?.endsWith(`#c=${r.credential}`))).toEqual([])
    expect(
      stored.filter((d) => !base64url.test(d.credential) || d.credential.startsWith('-')),
    ).toEqual([])
  }, 60_000)

  describe('a credential made before, that starts with `-`', () => {
    const legacy = '-Legacy_card-0123456789'
    beforeEach(async () => {
      await h.host.meetings.loadDemo(3)
      await h.host.session.meeting.update((data) => {
        const first = data.deputies[0]
        if (first) first.credential = legacy
      })
    })

    it('still logs in: printed cards keep working', async () => {
      const socket = h.connect('/deputy', { credential: legacy })
      const state = await next<DeputyState>(socket, 'deputy:state')
      expect(state.me.name).toBe(h.host.session.meeting.data.deputies[0]?.name)
    })

    it('is written quoted, without a guard, and reads back exactly', async () => {
      const csv = await exportCsv()
      expect(csv).toContain(`,"${legacy}",`)
      expect(csv).not.toContain(`'${legacy}`)
      expect(credentialColumn(csv)[0]?.credential).toBe(legacy)
      expect(parseCredentialsCsv(csv)[0]?.credential).toBe(legacy)
    })

    // LibreOffice's own CSV import is the check; .ci/run installs Calc when it is missing.
    const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p))
    it('reads back exactly in LibreOffice, formulas evaluated or not', async (ctx) => {
      skipUnless(ctx, soffice, 'needs LibreOffice (/usr/bin/soffice or /usr/bin/libreoffice)')
      const dir = await mkdtemp(join(tmpdir(), 'plenary-csv-'))
      try {
        await writeFile(join(dir, 'credentials.csv'), await exportCsv())
        const stored = h.host.session.meeting.data.deputies.map((d) => d.credential)
        // Comma, quote, UTF-8, from line 1; token 13 is "evaluate formulas".
        for (const evaluate of ['false', 'true']) {
          const out = join(dir, evaluate)
          execFileSync(
            soffice ?? '',
            [
              `-env:UserInstallation=file://${join(dir, 'profile')}`,
              '--headless',
              `--infilter=CSV:44,34,76,1,,1033,false,false,false,false,false,-1,${evaluate}`,
              '--convert-to',
              'xlsx',
              '--outdir',
              out,
              join(dir, 'credentials.csv'),
            ],
            { stdio: 'ignore', timeout: 60_000 },
          )
          const book = new ExcelJS.Workbook()
          await book.xlsx.readFile(join(out, 'credentials.xlsx'))
          const cells: unknown[] = []
          book.worksheets[0]?.eachRow((row, n) => {
            if (n > 1) cells.push(row.getCell(5).value)
          })
          expect(cells).toEqual(stored)
        }
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    }, 120_000)
  })
})
