/**
 * The import worker process's entry: reads one uploaded roster or project list from stdin,
 * parses it and sends the preview to the host over the IPC channel, then ends (see
 * import-worker.ts). Its environment names the kind (roster or projects) and the file. A failure
 * is written to stderr with a non-zero exit. No top-level await: from source the script is
 * loaded as CommonJS.
 */
import type { ImportJobOptions, ImportKind } from './import-job'
import { parseImport } from './import-job'
import { importJobFileName, importJobKind, importJobOptions } from './import-worker'

const kind = process.env[importJobKind] as ImportKind
const fileName = process.env[importJobFileName] ?? 'upload'
const options = JSON.parse(process.env[importJobOptions] ?? '{}') as ImportJobOptions
const chunks: Buffer[] = []
process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk))
process.stdin.on('end', () => {
  parseImport({ kind, data: Buffer.concat(chunks), fileName, options }).then(
    (preview) => process.send?.(preview, () => process.exit(0)),
    (error: unknown) => {
      process.stderr.write(
        `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      )
      process.exit(1)
    },
  )
})
