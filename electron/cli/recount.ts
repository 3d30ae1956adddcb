/**
 * `npm run -s recount -- ARCHIVE_DIR`: anyone can check a vote. Exit 0 when everything agrees,
 * 1 when anything does not (each disagreement is named).
 */
import { resolve } from 'node:path'
import { recountArchive } from './recount-archive'

const dir = process.argv[2]
if (!dir) {
  console.error('用法 / usage: npm run -s recount -- ARCHIVE_DIR')
  process.exit(2)
}
const report = await recountArchive(resolve(dir))
for (const line of report.lines) console.log(line)
process.exit(report.ok ? 0 : 1)
