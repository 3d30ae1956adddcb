/**
 * `npm run -s recount -- ARCHIVE_DIR`: anyone can check a vote. Exit 0 when everything agrees,
 * 1 when anything does not (each disagreement is named).
 */
import { resolve } from 'node:path'
import { readCommandLine } from './command-line'
import { recountArchive } from './recount-archive'

const { positionals } = readCommandLine({
  usage: 'npm run -s recount -- ARCHIVE_DIR',
  about:
    "Recounts a closed vote's archive: the ballot box against its digest in the audit log, the result against a fresh tally.",
  options: {},
  positionals: true,
})
const dir = positionals[0]
if (!dir || positionals.length > 1) {
  console.error('用法 / usage: npm run -s recount -- ARCHIVE_DIR')
  process.exit(2)
}
const report = await recountArchive(resolve(dir))
for (const line of report.lines) console.log(line)
process.exit(report.ok ? 0 : 1)
