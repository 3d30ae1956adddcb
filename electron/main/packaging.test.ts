/**
 * Checks electron-builder.yml without packaging (that needs the Electron binary, which this
 * machine cannot download): electron-builder's own loader and schema validate the file, and a
 * glob matcher checks that what the app needs at run time is in the package, where main and
 * the host look for it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js'
import type { Configuration } from 'app-builder-lib'
import { DebugLogger } from 'builder-util/out/util.js'
import { minimatch } from 'minimatch'
import { beforeAll, describe, expect, it } from 'vitest'
import { skipUnless } from '../host/testing/skip-unless'

const root = join(import.meta.dirname, '../..')
let config: Configuration

beforeAll(async () => {
  config = await getConfig(root, null, null)
})

interface Copy {
  from: string
  to: string
  filter: string[]
}

/** files / extraResources in any of their forms (string, FileSet, list) as FileSets. */
function fileSets(entries: Configuration['files']): Copy[] {
  const list = entries === null || entries === undefined ? [] : [entries].flat()
  return list.map((e) => {
    if (typeof e === 'string') return { from: '', to: '', filter: [e] }
    const filter = e.filter === null || e.filter === undefined ? ['**/*'] : [e.filter].flat()
    return { from: e.from ?? '', to: e.to ?? e.from ?? '', filter }
  })
}

/** electron-builder's rule: a path is in when it matches a pattern and no later "!" pattern. */
function matches(patterns: readonly string[], path: string): boolean {
  let included = false
  for (const p of patterns) {
    if (p.startsWith('!')) {
      if (minimatch(path, p.slice(1), { dot: true })) included = false
    } else if (minimatch(path, p, { dot: true })) included = true
  }
  return included
}

/** Where a repository file lands in the package, or null when it is not packaged. */
function packagedAt(path: string): { in: 'asar' | 'resources'; at: string } | null {
  const sets = [
    ...fileSets(config.extraResources).map((set) => ({ ...set, in: 'resources' as const })),
    ...fileSets(config.files).map((set) => ({ ...set, in: 'asar' as const })),
  ]
  for (const set of sets) {
    const prefix = set.from === '' ? '' : `${set.from}/`
    if (!path.startsWith(prefix)) continue
    const inner = path.slice(prefix.length)
    const at = set.to === '' ? inner : `${set.to}/${inner}`
    if (matches(set.filter, inner)) return { in: set.in, at }
  }
  return null
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? walk(join(dir, d.name))
      : [relative(root, join(dir, d.name)).split(sep).join('/')],
  )
}

describe('electron-builder.yml', () => {
  it('is valid for electron-builder itself', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
    await expect(
      validateConfiguration({ ...config, filez: [] } as Configuration, new DebugLogger(false)),
    ).rejects.toThrow(/filez/)
  })

  it('targets NSIS and portable, dmg, AppImage and deb', () => {
    const names = (t: unknown) =>
      [t ?? []].flat().map((x) => (typeof x === 'string' ? x : (x as { target: string }).target))
    expect(names(config.win?.target)).toEqual(['nsis', 'portable'])
    expect(names(config.mac?.target)).toEqual(['dmg'])
    expect(names(config.linux?.target)).toEqual(['AppImage', 'deb'])
  })

  it('sets the fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    })
  })

  it('has an icon of at least 512×512 (macOS needs it)', () => {
    const icon = join(root, String(config.icon))
    const png = readFileSync(icon)
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG')
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512)
    expect(png.readUInt32BE(20)).toBe(png.readUInt32BE(16))
  })

  it.each([
    ['out/renderer/console/index.html', 'renderer/console/index.html'],
    ['out/renderer/tablet/index.html', 'renderer/tablet/index.html'],
    ['out/renderer/screen/index.html', 'renderer/screen/index.html'],
    ['out/renderer/assets/index-abc123.js', 'renderer/assets/index-abc123.js'],
    // The bundled host reads its fonts at out/main/../../../resources/fonts, i.e. from inside
    // app.asar, <resources>/resources/fonts.
    [
      'resources/fonts/NotoSansSC-GB2312-Regular.ttf',
      'resources/fonts/NotoSansSC-GB2312-Regular.ttf',
    ],
    ['resources/fonts/NotoSansSC-GB2312-Bold.ttf', 'resources/fonts/NotoSansSC-GB2312-Bold.ttf'],
    ['resources/fonts/OFL.txt', 'resources/fonts/OFL.txt'],
    ['resources/demo/meeting.json', 'resources/demo/meeting.json'],
    ['resources/icons/icon-512.png', 'resources/icons/icon-512.png'],
  ])('puts %s beside app.asar at %s', (path, at) => {
    expect(packagedAt(path)).toEqual({ in: 'resources', at })
  })

  it.each([
    'out/main/index.js',
    'out/main/host-process.js',
    'out/preload/index.cjs',
    'package.json',
  ])('puts %s in app.asar', (path) => {
    expect(packagedAt(path)).toEqual({ in: 'asar', at: path })
  })

  it.each([
    'out/renderer/assets/index-abc123.js.map',
    'resources/fonts/make-subset.sh',
    'resources/icons/make-icons.ts',
    'electron/main/index.ts',
    'node_modules/.bin/electron',
  ])('leaves %s out', (path) => {
    expect(packagedAt(path)).toBeNull()
  })

  it('packages every file of the current build', (ctx) => {
    const built = existsSync(join(root, 'out/renderer/console/index.html'))
    skipUnless(ctx, built, 'needs the build: npm run build (npm test builds first)')
    const tree = [...walk(join(root, 'out')), ...walk(join(root, 'resources/fonts'))]
    const missing = tree.filter(
      (p) => !p.endsWith('.map') && !p.endsWith('.sh') && packagedAt(p) === null,
    )
    expect(missing).toEqual([])
    for (const page of ['console', 'tablet', 'screen']) {
      expect(tree).toContain(`out/renderer/${page}/index.html`)
    }
  })
})
