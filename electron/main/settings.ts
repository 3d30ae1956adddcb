import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { z } from 'zod'

/**
 * The shell's few remembered choices, in `settings.json` in Electron's userData folder. Not
 * meeting data: that lives in the data folder and is written by the host alone.
 */
const settingsSchema = z.object({
  /** null: `<userData>/data`. */
  dataDir: z.string().min(1).nullable().catch(null),
  /** The port staff chose after a clash; null: 8080. */
  port: z.number().int().min(0).max(65535).nullable().catch(null),
  projector: z
    .object({
      enabled: z.boolean().catch(true),
      displayId: z.number().int().nullable().catch(null),
    })
    .catch({ enabled: true, displayId: null }),
})

export type ShellSettings = z.infer<typeof settingsSchema>

export const defaultSettings: ShellSettings = {
  dataDir: null,
  port: null,
  projector: { enabled: true, displayId: null },
}

export const defaultPort = 8080

/**
 * Reads what is there and keeps every field that is still valid: a hand-edited or half-written
 * file costs one setting, never the app's start.
 */
export function parseSettings(text: string | null): ShellSettings {
  if (text === null) return defaultSettings
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return defaultSettings
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return defaultSettings
  const parsed = settingsSchema.safeParse({ ...defaultSettings, ...raw })
  return parsed.success ? parsed.data : defaultSettings
}

/** The data folder: the env var (tests, a second hall on one laptop) beats the remembered one. */
export function resolveDataDir(
  settings: ShellSettings,
  userData: string,
  env: { PLENARY_DATA?: string | undefined },
): string {
  return env.PLENARY_DATA || settings.dataDir || join(userData, 'data')
}

export function resolvePort(settings: ShellSettings, env: { PORT?: string | undefined }): number {
  const fromEnv = Number(env.PORT)
  if (env.PORT && Number.isInteger(fromEnv) && fromEnv >= 0 && fromEnv <= 65535) return fromEnv
  return settings.port ?? defaultPort
}

export async function loadSettings(file: string): Promise<ShellSettings> {
  try {
    return parseSettings(await readFile(file, 'utf8'))
  } catch {
    return defaultSettings
  }
}

/** Written aside then renamed, so a crash mid-write leaves the old file, not half a new one. */
export async function saveSettings(file: string, settings: ShellSettings): Promise<void> {
  await mkdir(dirname(file), { recursive: true })
  const temp = `${file}.tmp`
  await writeFile(temp, `${JSON.stringify(settings, null, 2)}\n`, 'utf8')
  await rename(temp, file)
}
