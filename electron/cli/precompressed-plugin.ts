import { resolve } from 'node:path'
import type { Plugin } from 'vite'
import { precompressFiles } from '../host/http/precompress'

/**
 * Every page and asset is written compressed too (`x.js.br`, `x.js.gz`), once, at build: the
 * host sends the coding a browser accepts and never compresses on the ballot loop
 * (electron/host/http/static-files.ts).
 */
export function precompressed(): Plugin {
  return {
    name: 'plenary:precompressed',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? resolve('out/renderer')
      await precompressFiles(Object.keys(bundle).map((name) => resolve(dir, name)))
    },
  }
}
