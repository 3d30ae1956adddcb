import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { chmod, mkdir, open, readFile, rename, unlink } from 'node:fs/promises'
import { homedir } from 'node:os'
import { isAbsolute, join, relative, resolve } from 'node:path'
import { BoxCipher, VOTE_KEY_BYTES } from './box-cipher'
import { syncFolder } from '../json-files/durable-json-file'

/**
 * The per-vote keys of open ballot boxes (box-cipher.ts), kept outside the data folder: in the
 * user's config folder for the headless host, in the desktop app's user-data folder wrapped by
 * a key only the operating system's keychain gives back (Electron's safeStorage, passed in as
 * `wrapKey`). One small file per open vote, readable by this user only, durable before the
 * first slot names it (a host killed after the opening must find it again), and overwritten and
 * removed once the box is sealed.
 */
export interface VoteKeyVault {
  /** Where the keys are, for the README's and the log's words. */
  readonly dir: string
  /** A new key, on disk before this resolves. */
  create(): Promise<BoxCipher>
  /** The key a slot header names, or null when this machine does not hold it. */
  load(keyId: string): Promise<BoxCipher | null>
  /** The key is gone (nothing to do when it already is). */
  destroy(keyId: string): Promise<void>
}

const KEY_ID = /^[0-9a-f]{32}$/
const FORMAT = 'plenary-vote.vote-key/1'

interface KeyFile {
  format: typeof FORMAT
  /** base64 of the key, or of nonce ‖ AES-256-GCM(key) ‖ tag under the wrapping key. */
  key: string
  wrapped: boolean
}

/** The headless host's key folder: `PLENARY_KEYS`, else the platform's per-user config folder. */
export function defaultKeyDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PLENARY_KEYS) return resolve(env.PLENARY_KEYS)
  const config =
    process.platform === 'win32'
      ? (env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'))
      : process.platform === 'darwin'
        ? join(homedir(), 'Library', 'Application Support')
        : env.XDG_CONFIG_HOME || join(homedir(), '.config')
  return join(config, 'plenary-vote', 'vote-keys')
}

/** A key folder inside the data folder would travel with every copy of it. */
export function isInside(dir: string, parent: string): boolean {
  const rel = relative(resolve(parent), resolve(dir))
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

export class FileKeyVault implements VoteKeyVault {
  readonly dir: string
  readonly #wrapKey: Buffer | null

  constructor(dir: string, wrapKey: Buffer | null = null) {
    if (wrapKey && wrapKey.length !== 32) throw new Error('vote key vault: wrapping key length')
    this.dir = dir
    this.#wrapKey = wrapKey
  }

  async create(): Promise<BoxCipher> {
    const keyId = randomBytes(16).toString('hex')
    const key = randomBytes(VOTE_KEY_BYTES)
    const file: KeyFile = this.#wrapKey
      ? { format: FORMAT, key: wrap(this.#wrapKey, key).toString('base64'), wrapped: true }
      : { format: FORMAT, key: key.toString('base64'), wrapped: false }
    await mkdir(this.dir, { recursive: true, mode: 0o700 })
    const target = this.#file(keyId)
    const temp = `${target}.tmp`
    const handle = await open(temp, 'w', 0o600)
    try {
      await handle.writeFile(JSON.stringify(file))
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, target)
    await syncFolder(this.dir)
    return new BoxCipher(keyId, key)
  }

  async load(keyId: string): Promise<BoxCipher | null> {
    if (!KEY_ID.test(keyId)) return null
    let text: string
    try {
      text = await readFile(this.#file(keyId), 'utf8')
    } catch (error) {
      if (isMissing(error)) return null
      throw error
    }
    try {
      const file = JSON.parse(text) as Partial<KeyFile>
      if (file.format !== FORMAT || typeof file.key !== 'string') return null
      const bytes = Buffer.from(file.key, 'base64')
      const key = file.wrapped ? (this.#wrapKey ? unwrap(this.#wrapKey, bytes) : null) : bytes
      return key && key.length === VOTE_KEY_BYTES ? new BoxCipher(keyId, key) : null
    } catch {
      return null
    }
  }

  async destroy(keyId: string): Promise<void> {
    if (!KEY_ID.test(keyId)) return
    const file = this.#file(keyId)
    try {
      // Overwritten first: on a disk that writes in place, the key's bytes do not outlive it.
      await chmod(file, 0o600)
      const handle = await open(file, 'r+')
      try {
        const { size } = await handle.stat()
        await handle.write(Buffer.alloc(size), 0, size, 0)
        await handle.sync()
      } finally {
        await handle.close()
      }
      await unlink(file)
      await syncFolder(this.dir)
    } catch (error) {
      if (!isMissing(error)) throw error
    }
  }

  #file(keyId: string): string {
    return join(this.dir, `${keyId}.key`)
  }
}

function wrap(wrapKey: Buffer, key: Buffer): Buffer {
  const nonce = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', wrapKey, nonce)
  const body = Buffer.concat([cipher.update(key), cipher.final()])
  return Buffer.concat([nonce, body, cipher.getAuthTag()])
}

function unwrap(wrapKey: Buffer, bytes: Buffer): Buffer | null {
  if (bytes.length < 28) return null
  try {
    const decipher = createDecipheriv('aes-256-gcm', wrapKey, bytes.subarray(0, 12))
    decipher.setAuthTag(bytes.subarray(bytes.length - 16))
    return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()])
  } catch {
    return null
  }
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT'
}
