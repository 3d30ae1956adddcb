import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { safeStorage } from 'electron'

/**
 * The key that wraps the open ballot boxes' keys in the desktop app (host/store/ballot-box/vote-keys.ts):
 * random, kept in the user-data folder encrypted by the system keychain (Electron's
 * safeStorage: DPAPI, Keychain, libsecret/kwallet), so a copy of the user-data folder alone
 * does not open a vote's key either. Handed to the host's utility process in its start message,
 * never written in the clear. Null where the system has no keychain (the keys are then files
 * readable by this user only, as under `npm run host`).
 */
export async function keychainWrapKey(userData: string): Promise<string | null> {
  if (!safeStorage.isEncryptionAvailable()) return null
  const file = join(userData, 'vote-keys.wrap')
  try {
    return safeStorage.decryptString(await readFile(file))
  } catch (error) {
    const missing = error instanceof Error && 'code' in error && error.code === 'ENOENT'
    // A keychain that no longer opens it (locked, or a new user profile): kept aside, not
    // overwritten, in case the keychain opens it later. The boxes it wrapped stay shut meanwhile
    // and the host says so for each (a staff alert); new votes get the new key.
    if (!missing) {
      console.error(`vote-keys.wrap: ${String(error)}; set aside, a new wrapping key is made`)
      await rename(file, `${file}.unreadable-${Date.now()}`)
    }
  }
  const key = randomBytes(32).toString('base64')
  await mkdir(userData, { recursive: true })
  await writeFile(file, safeStorage.encryptString(key), { mode: 0o600 })
  return key
}
