/**
 * Writes resources/demo/meeting.json from demoMeeting(327).
 * Run: npx tsx electron/host/demo/write-demo.ts
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { demoMeeting } from './demo-meeting'

const target = fileURLToPath(new URL('../../../resources/demo/meeting.json', import.meta.url))
const meeting = demoMeeting(327)
writeFileSync(target, `${JSON.stringify(meeting, null, 2)}\n`, 'utf8')
console.log(
  `wrote ${meeting.deputies.length} deputies, ${meeting.projects.length} projects → ${target}`,
)
