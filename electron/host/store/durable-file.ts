import { open, rename } from 'node:fs/promises'

/**
 * Writes a whole file so that it is either the old one or the new one after a crash: the bytes
 * go to a temp file that is fsynced, then renamed over the target. Used for the archive's
 * documents, from the main thread and from the report worker alike.
 */
export async function writeFileDurably(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${file}.tmp`
  const handle = await open(tmp, 'w')
  try {
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
  await rename(tmp, file)
}
