import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { build } from 'vite'
import type { Alias, Plugin } from 'vite'
import { mantineStylesInRem } from './mantine-styles'
import { precompressed } from './precompressed-plugin'

/** Mantine's floor, which hall tablets must meet: Safari 15.4, Chrome 99. */
export const tabletTargets = ['safari15.4', 'chrome99']

/**
 * React's names, answered by Preact's compatibility layer on the tablet page only: React DOM
 * alone was some 55 KB of brotli, more than half of what every tablet in the hall loaded at
 * 报到; Preact with preact/compat is under 10 (issue 31). The tablet's code is written and
 * typechecked against React as the console's and the screen's is; the swap happens here, at
 * bundling. Mantine's components on the tablet run on it as they are (its forwardRef, useId,
 * context, and `React.version` read as React 18's), which every tablet e2e in Chromium,
 * WebKitGTK and Firefox ESR checks.
 */
export const preactForReact: Alias[] = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react\/jsx-(dev-)?runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react$/, replacement: 'preact/compat' },
]

/**
 * Builds the tablet page from the pages' sources (`root`, renderer/) into `outDir`, beside
 * whatever is there: `tablet/index.html`, one script and one stylesheet under `assets/`, each
 * precompressed. Its own module graph, none of it in chunks shared with the console and the
 * screen (each response costs the hall's air its headers too), so React's names can mean
 * Preact here and React there.
 */
export async function buildTabletPage(
  root: string,
  outDir: string,
  logLevel: 'info' | 'silent' = 'info',
): Promise<void> {
  await build({
    configFile: false,
    root,
    base: '/',
    publicDir: false,
    logLevel,
    plugins: [react(), mantineStylesInRem(), precompressed()],
    resolve: { alias: preactForReact },
    build: {
      outDir,
      emptyOutDir: false,
      target: tabletTargets,
      cssTarget: tabletTargets,
      minify: true,
      reportCompressedSize: logLevel !== 'silent',
      // One script: no module preloads to polyfill (Safari 15.4 has none).
      modulePreload: { polyfill: false },
      rollupOptions: { input: { tablet: resolve(root, 'tablet/index.html') } },
    },
  })
}

/**
 * The tablet page built after the console and the screen, into the same folder, by a plugin of
 * the renderer's build, so every way of building (npm run build, npm start, the host's first
 * run, CI) builds it.
 */
export function tabletPage(root: string, outDir: string): Plugin {
  return {
    name: 'plenary:tablet-page',
    apply: 'build',
    async closeBundle() {
      await buildTabletPage(root, outDir)
    },
  }
}
