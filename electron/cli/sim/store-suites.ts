import { randomBytes } from 'node:crypto'
import type { BallotEntry } from '../../../shared/protocol/ballot-box.schema'
import type { Deputy } from '../../../shared/protocol/meeting.schema'
import { demoMeeting } from '../../host/demo/demo-meeting'
import { mulberry32 } from '../../host/demo/seeded-random'
import { ballotKey, contentRef } from '../../host/store/ballot-box/ballot-key'
import { BoxCipher } from '../../host/store/ballot-box/box-cipher'
import { BoxRegions, layoutFor } from '../../host/store/ballot-box/box-regions'
import { sha256Hex } from '../../host/store/json-files/digest'
import { emptyMeetingData } from '../../host/store/json-files/meeting.store'
import { MeetingText } from '../../host/store/json-files/meeting-text'
import type { Suite } from './suite'
import type { DeputyId } from '../../../shared/protocol/ids'

/**
 * What a group commit of the ballot box costs the event loop before it writes
 * (`npm run bench -- --only store`): one ballot counted, then the regions' bytes. And the same
 * for meeting.json (`--only meeting`): an agenda change (a vote closed) or one check-in, then
 * the file's bytes. The writes and fsyncs are the disk's, not measured here.
 */

const COMMITS = 100
const CANDIDATES = Array.from({ length: 13 }, (_, i) => `P${String(i + 1).padStart(2, '0')}`)
const SEATS = 10

/** A select vote (10 of 13) in which every deputy of a full hall has voted. */
function fullBox(deputies: number, seed: number) {
  const rnd = mulberry32(seed)
  const regions = new BoxRegions(
    'bench',
    new BoxCipher('0'.repeat(32), randomBytes(32)),
    layoutFor(0),
  )
  regions.snapshot({ voters: deputies, marks: CANDIDATES.length })
  const counts = new Map<string, BallotEntry>()
  const ids = Array.from({ length: deputies }, (_, i) => `D${String(i + 1).padStart(4, '0')}`)
  const vote = (deputyId: string) => {
    const chosen = CANDIDATES.filter(() => rnd() < 0.6).slice(0, SEATS)
    const entry: BallotEntry = {
      count: 1,
      marks: Object.fromEntries(chosen.map((c) => [c, 'for'])),
    }
    const key = ballotKey(entry)
    const existing = counts.get(key)
    if (existing) existing.count += 1
    else counts.set(key, entry)
    regions.setBallot(key, JSON.stringify(existing ?? entry))
    const ballotId = rnd().toString(36)
    regions.setVoter(deputyId, sha256Hex(ballotId), contentRef(key))
  }
  for (const id of ids) vote(id)
  return { ids, vote, regions }
}

export const storeSuites: Suite[] = [3000, 5000].map((deputies) => ({
  name: `store:${deputies}`,
  describe: `${COMMITS} group commits of one ballot each, ${deputies.toLocaleString('en')} deputies voted`,
  prepare() {
    const { ids, vote, regions } = fullBox(deputies, deputies)
    let next = 0
    // Deputies vote again, so the box keeps its size however many runs there are.
    return () => {
      for (let i = 0; i < COMMITS; i++) {
        vote(ids[next++ % ids.length]!)
        regions.snapshot()
      }
    }
  },
}))

const MEETING_DEPUTIES = 5000

/** meeting.json at 5,000 deputies: most of its bytes are the roster's Chinese names. */
function fullMeeting() {
  const data = emptyMeetingData()
  data.deputies = demoMeeting(MEETING_DEPUTIES).deputies.map((d, i): Deputy => ({
    id: `D${String(i + 1).padStart(4, '0')}` as DeputyId,
    ...d,
    credential: sha256Hex(`card ${i}`).slice(0, 22),
    joinCode: sha256Hex(`code ${i}`).slice(0, 12).toUpperCase(),
    present: false,
  }))
  const text = new MeetingText()
  text.chunks(data)
  return { data, text }
}

export const meetingSuites: Suite[] = [
  {
    name: 'meeting:agenda',
    describe: `${COMMITS} writes of meeting.json after an agenda change, ${MEETING_DEPUTIES.toLocaleString('en')} deputies`,
    prepare() {
      const { data, text } = fullMeeting()
      return () => {
        for (let i = 0; i < COMMITS; i++) {
          data.screen = { stage: i % 2 ? 'results' : 'voting', voteId: null }
          text.chunks(data)
        }
      }
    },
  },
  {
    name: 'meeting:check-in',
    describe: `${COMMITS} writes of meeting.json after one check-in each, ${MEETING_DEPUTIES.toLocaleString('en')} deputies`,
    prepare() {
      const { data, text } = fullMeeting()
      let next = 0
      return () => {
        for (let i = 0; i < COMMITS; i++) {
          const at = (next++ * 37) % MEETING_DEPUTIES
          data.deputies[at]!.present = !data.deputies[at]!.present
          text.deputyChanged(at)
          text.chunks(data)
        }
      }
    },
  },
]
