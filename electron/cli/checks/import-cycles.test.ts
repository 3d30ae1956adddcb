import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importCycles, importGraph } from './import-graph'

const root = join(import.meta.dirname, '../../..')

describe('the import graph of electron/, shared/, renderer/ and e2e/', () => {
  let graph = new Map<string, string[]>()
  beforeAll(() => {
    graph = importGraph(root, ['electron', 'shared', 'renderer', 'e2e'])
  })

  it('has no cycle, type-only imports and re-exports included', () => {
    // Each line is one cycle, a → b → a: cut it by moving the shared part (often a type) into
    // a file of its own, or by naming the few fields one side needs.
    expect(importCycles(graph).map((cycle) => cycle.join(' → '))).toEqual([])
  })

  it('sees the whole tree (else "no cycle" would prove nothing)', () => {
    // Every kind of import is proved below on a small tree; here, that the walk found the files
    // and resolved their imports: some 320 files, three imports of each other apiece on average.
    const targets = [...graph.values()].flat()
    expect(graph.size).toBeGreaterThan(250)
    expect(targets.length).toBeGreaterThan(2 * graph.size)
    expect(targets.some((t) => t.endsWith('.tsx'))).toBe(true)
    expect(targets).toContain('shared/rules/index.ts')
  })
})

describe('importCycles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plenary-import-graph-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const files: Record<string, string> = {
    'src/a.ts': "import type { C } from './c'\nexport type A = C\n",
    'src/b.ts': "export { a } from './a'\n",
    'src/c.ts': "export type C = number\nexport const load = () => import('./b')\n",
    'src/d.tsx': "import { e } from './e'\nexport const d = e\n",
    'src/e/index.ts': "export * from '../d'\nexport const e = 1\n",
    'src/self.ts': "import './self'\n",
    'src/leaf.ts':
      "import type { A } from './a'\nimport { z } from 'zod'\nexport type L = [A, typeof z]\n",
  }
  beforeAll(() => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true })
      writeFileSync(join(dir, path), text)
    }
  })

  it('finds cycles through import type, export … from, export * and import()', () => {
    expect(importCycles(importGraph(dir, ['src']))).toEqual([
      // a → c by import type, c → b by import(), b → a by export … from.
      ['src/a.ts', 'src/c.ts', 'src/b.ts', 'src/a.ts'],
      ['src/d.tsx', 'src/e/index.ts', 'src/d.tsx'],
      ['src/self.ts', 'src/self.ts'],
    ])
  })

  it('reports one cycle per tangle, by its shortest way round', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c', 'a']],
      ['c', ['a']],
      ['d', ['a', 'e']],
      ['e', []],
    ])
    expect(importCycles(graph)).toEqual([['a', 'b', 'a']])
    expect(
      importCycles(
        new Map([
          ['x', ['y']],
          ['y', []],
        ]),
      ),
    ).toEqual([])
  })
})
