import { resolve } from 'node:path'
import { build } from 'vite'
import type { Alias, Plugin, PluginOption } from 'vite'

/**
 * React's names, answered by Preact's compatibility layer on the tablet page only: React DOM
 * alone is some 55 KB of brotli, more than half of what every tablet in the hall loaded at 报到;
 * Preact with preact/compat is about 5 KB (issue 31). The tablet's code is written and
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

export interface TabletBuildOptions {
  /** The pages' source folder (renderer/), the root the page's URL is built from. */
  root: string
  /** Where the pages are written (out/renderer): the tablet beside the other pages. */
  outDir: string
  /** The browsers hall tablets run (Mantine's floor: Safari 15.4, Chrome 99). */
  targets: string[]
  /** The renderer's own plugins, in its order: React's JSX, Mantine in rem, precompression. */
  plugins: PluginOption[]
}

/**
 * The tablet page built on its own, after the console and the screen, into the same folder:
 * its own module graph, none of it in chunks shared with them, so it is one script and one
 * stylesheet (each response costs the hall's air its headers too), and React's names can mean
 * Preact here and React there. A plugin of the renderer's build, so every way of building
 * (npm run build, npm start, the host's first run, CI) builds it.
 */
export function tabletPage(options: TabletBuildOptions): Plugin {
  return {
    name: 'plenary:tablet-page',
    apply: 'build',
    async closeBundle() {
      await build({
        configFile: false,
        root: options.root,
        base: '/',
        publicDir: false,
        plugins: options.plugins,
        resolve: { alias: preactForReact },
        build: {
          outDir: options.outDir,
          // The console and the screen were just written there.
          emptyOutDir: false,
          target: options.targets,
          cssTarget: options.targets,
          minify: true,
          reportCompressedSize: true,
          // One script: no module preloads to polyfill (Safari 15.4 has none).
          modulePreload: { polyfill: false },
          rollupOptions: { input: { tablet: resolve(options.root, 'tablet/index.html') } },
        },
      })
    },
  }
}
