import { unlink } from 'node:fs/promises'
import { join } from 'node:path'
import type { BoxCipher } from './box-cipher'
import { DurableJsonFile, previousOf } from '../json-files/durable-json-file'
import type { Recovery } from '../json-files/durable-json-file'

/**
 * A vote's paper count in progress (the entries typed so far, batch by batch), beside its box
 * as `ballots/<vote>.paper.json`: written durably before each entry is acknowledged, so a crash
 * loses nothing a 计票人 was told is kept, and encrypted whole under the vote's key, as the
 * box's regions are (box-cipher.ts). Paper carries no deputy, but where few deputies vote on
 * paper the papers' content is all but theirs, and a copy of the data folder must not read it.
 * Padded to whole pages, so its size tells only roughly how much was typed. Removed with the
 * key when the box is sealed: by then the merged ballots are in the box, mixed with the rest.
 */

const FORMAT = 'plenary-vote.paper-work/1'
const PAGE = 4096

interface PaperFileJson {
  format: typeof FORMAT
  voteId: string
  keyId: string
  /** base64 of the box cipher's seal of the padded JSON text. */
  sealed: string
}

export class PaperFile {
  readonly #file: DurableJsonFile<PaperFileJson>
  readonly #cipher: BoxCipher
  readonly #voteId: string

  constructor(dir: string, voteId: string, cipher: BoxCipher) {
    this.#voteId = voteId
    this.#cipher = cipher
    // A copy that does not open under this key (torn, or another vote's) is no copy: the last
    // good one is used, and the recovery reported.
    this.#file = new DurableJsonFile<PaperFileJson>(fileOf(dir, voteId), (data) =>
      this.#open(data) === null ? ['does not open under the vote’s key'] : [],
    )
  }

  get recoveries(): readonly Recovery[] {
    return this.#file.recoveries
  }

  /** The JSON text last written, or null when there is none. */
  async read(): Promise<string | null> {
    const data = await this.#file.read()
    return data ? this.#open(data) : null
  }

  /** Resolves once `json` is on disk, sealed. */
  write(json: string): Promise<void> {
    const text = Buffer.from(json)
    const padded = Buffer.alloc(Math.ceil((text.length + 1) / PAGE) * PAGE, 0x20)
    text.copy(padded)
    return this.#file.write({
      format: FORMAT,
      voteId: this.#voteId,
      keyId: this.#cipher.keyId,
      sealed: this.#cipher.seal(padded).toString('base64'),
    })
  }

  close(): Promise<void> {
    return this.#file.close()
  }

  #open(data: unknown): string | null {
    const json = data as Partial<PaperFileJson> | null
    if (json?.format !== FORMAT || json.voteId !== this.#voteId || typeof json.sealed !== 'string')
      return null
    return this.#cipher.open(Buffer.from(json.sealed, 'base64'))?.toString().trimEnd() ?? null
  }
}

/** Removes a vote's paper file and its previous copy (at the seal, or left over from one). */
export async function removePaperFile(dir: string, voteId: string): Promise<void> {
  const file = fileOf(dir, voteId)
  for (const name of [file, previousOf(file)]) await unlink(name).catch(() => undefined)
}

function fileOf(dir: string, voteId: string): string {
  return join(dir, `${voteId}.paper.json`)
}
