import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * README.md's Layout block is the newcomer's map of the tree: it names every folder of the host
 * that holds code (one line each), and names no folder that is gone.
 */

const root = join(import.meta.dirname, '../../..')

/** The folders the Layout block names, as written (`electron/host/http/`). */
function layoutFolders(readme: string): string[] {
  const block = /^## Layout\n\n```\n([\s\S]*?)\n```/m.exec(readme)?.[1]
  if (!block) return []
  return block.split('\n').flatMap((line) => {
    const first = line.split(/\s+/)[0] ?? ''
    return first.endsWith('/') ? [first] : []
  })
}

/** Folders under `dir` that hold a file of their own (fixtures are data, not code). */
function codeFolders(dir: string): string[] {
  const out: string[] = []
  const names = readdirSync(join(root, dir))
  if (names.some((name) => statSync(join(root, dir, name)).isFile())) out.push(`${dir}/`)
  for (const name of names) {
    if (name === 'fixtures' || !statSync(join(root, dir, name)).isDirectory()) continue
    out.push(...codeFolders(`${dir}/${name}`))
  }
  return out
}

describe("README's Layout", () => {
  const named = layoutFolders(readFileSync(join(root, 'README.md'), 'utf8'))

  it('names every folder of the host that holds code', () => {
    const missing = codeFolders('electron/host').filter((folder) => !named.includes(folder))
    expect(missing).toEqual([])
  })

  it('names only folders that exist, and every top-level one', () => {
    const gone = named.filter((folder) => {
      try {
        return !statSync(join(root, folder)).isDirectory()
      } catch {
        return true
      }
    })
    expect(gone).toEqual([])
    for (const top of ['electron/', 'renderer/', 'shared/', 'resources/', 'e2e/', '.ci/'])
      expect(
        named.some((folder) => folder.startsWith(top)),
        top,
      ).toBe(true)
  })
})
