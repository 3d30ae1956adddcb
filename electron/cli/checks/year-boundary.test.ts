import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

/**
 * eslint.config.js keeps the projects' year (electron/host/year, shared/year,
 * renderer/console/year) out of the ballot box's insides; here the rule is run, through ESLint
 * itself, on a few lines as if they were files in those folders.
 */

const root = join(import.meta.dirname, '../../..')
let eslint: ESLint

beforeAll(() => {
  eslint = new ESLint({ cwd: root })
})

/** The rules that fire on `code` as the file at `path`, with their messages. */
async function problems(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) })
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`)
}

const stayOut = /The year's code stays out of the ballot box/

describe("the year's code and the ballot box", () => {
  it.each([
    "import { BallotBoxStore } from '../store/ballot-box.store'\nvoid BallotBoxStore\n",
    "import type { OpenBoxData } from '../store/box-data'\nexport type T = OpenBoxData\n",
    "export { readBallotBox } from '../store/slot-reader'\n",
    "export * from '../store/slot-header'\n",
    "import { GroupCommit } from '../store/group-commit'\nvoid GroupCommit\n",
    "import { VoteKeyVault } from '../store/vote-keys'\nvoid VoteKeyVault\n",
    "import { emptyRegions } from '../store/region-entries'\nvoid emptyRegions\n",
    "import { ballotKey } from '../store/ballot-key'\nvoid ballotKey\n",
    "import { BallotCounts } from '../store/ballot-counts'\nvoid BallotCounts\n",
    "import { readSealed } from '../store/sealed-box'\nvoid readSealed\n",
    "import { damageOf } from '../store/box-damage'\nvoid damageOf\n",
    "import { readSlots } from '../store/slots-at-open'\nvoid readSlots\n",
    "export const load = () => import('../store/ballot-box-slots')\n",
    // The box grouped into a folder of its own under store/ stays inside.
    "import { readSlot } from '../store/ballot-box/slot-reader'\nvoid readSlot\n",
    "import { readSlot } from '../store/box/slot-reader'\nvoid readSlot\n",
    "export const load = () => import('../store/ballot-box/index')\n",
    "import { GroupCommit } from '../store/json-files/group-commit'\nvoid GroupCommit\n",
  ])('host year code may not: %s', async (code) => {
    const found = await problems('electron/host/year/rating.ts', code)
    expect(found).toHaveLength(1)
    expect(found[0]).toMatch(stayOut)
  })

  it('keeps out every file of store/ballot-box/, as it is today, statically or not', async () => {
    const names = readdirSync(join(root, 'electron/host/store/ballot-box'))
      .filter((name) => name.endsWith('.ts'))
      .map((name) => name.replace(/\.ts$/, ''))
    expect(names).toContain('verify')
    for (const name of names) {
      const code = `export * from '../store/ballot-box/${name}'\nexport const load = () => import('../store/ballot-box/${name}')\n`
      expect(await problems('electron/host/year/rating.ts', code), name).toEqual([
        expect.stringMatching(stayOut),
        expect.stringMatching(stayOut),
      ])
    }
  })

  it('applies to the year tests, deeper folders, and to shared/ and the console', async () => {
    const box =
      "import type { BallotBoxFile } from '../store/ballot-box.store'\nexport type T = BallotBoxFile\n"
    expect(await problems('electron/host/year/rating.test.ts', box)).toEqual([
      expect.stringMatching(stayOut),
    ])
    expect(await problems('electron/host/year/docx/sheet.ts', box)).toEqual([
      expect.stringMatching(stayOut),
    ])
    const far =
      "import type { OpenBoxData } from '../../electron/host/store/box-data'\nexport type T = OpenBoxData\n"
    for (const path of ['shared/year/rating.ts', 'renderer/console/year/RatingPage.tsx']) {
      expect(await problems(path, far)).toContainEqual(expect.stringMatching(stayOut))
    }
  })

  it("keeps each folder's own rules in its year folder", async () => {
    expect(
      await problems('electron/host/year/rating.ts', "import { app } from 'electron'\nvoid app\n"),
    ).toEqual([expect.stringMatching(/no electron import/)])
    expect(
      await problems('shared/year/rating.ts', "import { join } from 'node:path'\nvoid join\n"),
    ).toEqual([expect.stringMatching(/no Node modules/)])
    expect(
      await problems(
        'renderer/console/year/page.tsx',
        "import { join } from 'node:path'\nvoid join\n",
      ),
    ).toEqual([expect.stringMatching(/run in a browser/)])
  })

  it('keeps 代表履职 (attendance across meetings) out of the box too, in all three folders', async () => {
    const box =
      "import { BallotBoxStore } from '../store/ballot-box/ballot-box.store'\nexport const load = () => import('../store/ballot-box/slot-reader')\nvoid BallotBoxStore\n"
    const outside = /代表履职's code stays out of the ballot box/
    expect(await problems('electron/host/duty/duty.service.ts', box)).toEqual([
      expect.stringMatching(outside),
      expect.stringMatching(outside),
    ])
    const far =
      "import type { OpenBoxData } from '../../electron/host/store/box-data'\nexport type T = OpenBoxData\n"
    for (const path of ['shared/duty/matching.ts', 'renderer/console/duty/DutySection.tsx'])
      expect(await problems(path, far)).toContainEqual(expect.stringMatching(outside))
    expect(
      await problems('shared/duty/matching.ts', "import { join } from 'node:path'\nvoid join\n"),
    ).toEqual([expect.stringMatching(/no Node modules/)])
  })

  it('lets the year read the meeting, and the rest of the host use the box', async () => {
    const meeting =
      "import { MeetingStore } from '../store/json-files/meeting.store'\nexport const load = () => import('../store/json-files/library.store')\nvoid MeetingStore\n"
    expect(await problems('electron/host/year/rating.ts', meeting)).toEqual([])
    const digest = "export { digestOf } from '../store/json-files/digest'\n"
    expect(await problems('electron/host/year/rating.ts', digest)).toEqual([])
    const box =
      "import { BallotBoxStore } from '../store/ballot-box/ballot-box.store'\nexport const load = () => import('../store/ballot-box/slot-reader')\nvoid BallotBoxStore\n"
    expect(await problems('electron/host/state/session.ts', box)).toEqual([])
  })
})
