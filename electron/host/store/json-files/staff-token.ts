import { createHash } from 'node:crypto'
import { mkdir, open, readFile, realpath, rename } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { newStaffToken } from '../../services/credentials'
import { syncFolder } from './durable-json-file'

/**
 * The staff token `npm run host` keeps for a data folder, so a restarted host lets the console
 * tabs it served back in (a token new at every start left them dead, buttons and all). It is
 * kept in the key folder, beside the open boxes' keys and never in the data folder: a copy of
 * the data folder (a backup, a USB stick) must not carry a token that opens the running
 * console. One file per data folder, named by a hash of the folder's path, readable by this
 * user only (0600 in a 0700 folder); rotated on request, after which the old token is refused.
 */
const FORMAT = 'plenary-vote.staff-token/1'

/** What a start did with the kept token, for the host's output. */
export type KeptTokenState = 'new' | 'reused' | 'rotated'

interface TokenFile {
  format: typeof FORMAT
  /** The data folder it is for, for a person reading the folder (the name is a hash of it). */
  dataDir: string
  token: string
  createdAt: string
}

/** base64url of 24 random bytes (newStaffToken); anything else in the file is not ours. */
const TOKEN = /^[A-Za-z0-9_-]{32}$/

/** The file that keeps the token for `dataDir` (which must exist). */
export async function staffTokenFile(keyDir: string, dataDir: string): Promise<string> {
  const real = await realpath(resolve(dataDir))
  // Windows and macOS folders ignore case by default: one folder, one token.
  const name = process.platform === 'linux' ? real : real.toLowerCase()
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 32)
  return join(keyDir, 'staff-tokens', `${hash}.json`)
}

/**
 * The token kept for `dataDir`, made (or, with `rotate`, replaced) and on disk before this
 * resolves. A file that cannot be read as ours is replaced: the console then needs the address
 * the host prints, as after a rotation.
 */
export async function keptStaffToken(options: {
  keyDir: string
  dataDir: string
  rotate?: boolean
}): Promise<{ token: string; state: KeptTokenState; file: string }> {
  const file = await staffTokenFile(options.keyDir, options.dataDir)
  const kept = await readToken(file)
  if (kept && !options.rotate) return { token: kept, state: 'reused', file }
  const token = newStaffToken()
  const body: TokenFile = {
    format: FORMAT,
    dataDir: await realpath(resolve(options.dataDir)),
    token,
    createdAt: new Date().toISOString(),
  }
  await writePrivate(file, JSON.stringify(body, null, 2))
  return { token, state: kept ? 'rotated' : 'new', file }
}

async function readToken(file: string): Promise<string | null> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null
    throw error
  }
  try {
    const parsed = JSON.parse(text) as Partial<TokenFile>
    return parsed.format === FORMAT && typeof parsed.token === 'string' && TOKEN.test(parsed.token)
      ? parsed.token
      : null
  } catch {
    return null
  }
}

/** Temp file at 0600, fsynced, renamed over the old one: never a half-written token. */
async function writePrivate(file: string, text: string): Promise<void> {
  const dir = join(file, '..')
  await mkdir(dir, { recursive: true, mode: 0o700 })
  const temp = `${file}.${process.pid}.tmp`
  const handle = await open(temp, 'w', 0o600)
  try {
    await handle.writeFile(text)
    await handle.sync()
  } finally {
    await handle.close()
  }
  await rename(temp, file)
  await syncFolder(dir)
}
