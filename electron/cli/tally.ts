/**
 * `npm run -s tally -- FILE` (FILE or `-` for standard input): reads a plenary-vote.ballot-box/1
 * and prints its plenary-vote.result/1 on standard output, nothing else. Malformed input, an
 * unreadable file or invalid JSON: one line per problem on standard error and exit status 2.
 */
import { readFile } from 'node:fs/promises'
import { readBallotBox, tally } from '../../shared/rules'

const USAGE = 'usage: npm run -s tally -- FILE   (FILE may be - for standard input)'

/** Exit status for malformed input or usage, as the contract fixes it. */
const EXIT_MALFORMED = 2

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

async function readSource(file: string): Promise<string> {
  return file === '-' ? readStdin() : readFile(file, 'utf8')
}

/** The result JSON for a ballot-box text, or the problem lines. */
function tallyText(text: string): { ok: true; json: string } | { ok: false; problems: string[] } {
  let parsed: unknown
  try {
    // Editors on Windows like to save UTF-8 with a byte order mark, which JSON.parse rejects.
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (e) {
    return { ok: false, problems: [`(root): invalid JSON: ${(e as Error).message}`] }
  }
  const read = readBallotBox(parsed)
  if (!read.ok) return read
  return { ok: true, json: JSON.stringify(tally(read.box), null, 2) }
}

async function main(argv: readonly string[]): Promise<number> {
  const file = argv[0]
  if (file === '--help' || file === '-h') {
    process.stdout.write(
      `${USAGE}\n\nReads a plenary-vote.ballot-box/1 file and prints its plenary-vote.result/1 on standard output.\nExit 2 on malformed input, one line per problem naming the JSON path.\n`,
    )
    return 0
  }
  if (file === undefined || argv.length > 1) {
    process.stderr.write(`${USAGE}\n`)
    return EXIT_MALFORMED
  }
  if (file.startsWith('-') && file !== '-') {
    process.stderr.write(`unknown option ${file} (see --help)\n`)
    return EXIT_MALFORMED
  }
  let text: string
  try {
    text = await readSource(file)
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message
    process.stderr.write(`${file === '-' ? 'stdin' : file}: cannot read (${reason})\n`)
    return EXIT_MALFORMED
  }
  const out = tallyText(text)
  if (!out.ok) {
    process.stderr.write(out.problems.map((p) => `${p}\n`).join(''))
    return EXIT_MALFORMED
  }
  process.stdout.write(`${out.json}\n`)
  return 0
}

// Setting exitCode instead of calling exit() lets a piped stdout drain before the process ends.
process.exitCode = await main(process.argv.slice(2))
