import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { mantineStylesInRem } from './electron/cli/mantine-styles'
import { precompressed } from './electron/cli/precompressed-plugin'
import { tabletPage, tabletTargets } from './electron/cli/tablet-build'

/**
 * electron-vite merges its own Chrome target into the renderer's; the pages are for tablets,
 * so the target is replaced outright after that merge.
 */
function tabletBrowsers(): Plugin {
  return {
    name: 'plenary:tablet-browsers',
    enforce: 'post',
    config(config) {
      config.build = { ...config.build, target: tabletTargets, cssTarget: tabletTargets }
    },
  }
}

/**
 * One build for the shell and the pages. The pages are served by the host to hall tablets, so
 * they are built for the tablets' browsers (Mantine's floor: Safari 15.4, Chrome 99), not for
 * Electron's Chromium. The tablet page is built on its own after the console and the screen
 * (electron/cli/tablet-build.ts), so that none of their code rides on it.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          'host-process': resolve('electron/main/host-process.ts'),
          // The host's report worker (archive PDF and XLSX), started by host-process by path.
          'report-worker': resolve('electron/host/documents/report-documents.worker.ts'),
          // The host's import worker process (uploaded rosters and project lists), started by path.
          'import-worker': resolve('electron/host/tables/import-parse.worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        // Sandboxed preloads cannot be ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    base: '/',
    plugins: [
      react(),
      tabletBrowsers(),
      mantineStylesInRem(),
      precompressed(),
      tabletPage(resolve('renderer'), resolve('out/renderer')),
    ],
    build: {
      outDir: resolve('out/renderer'),
      // electron-vite leaves renderer code unminified; these pages cross hall Wi-Fi.
      minify: true,
      reportCompressedSize: true,
      // The console and the screen share one chunk (React, Mantine, recharts, the protocol's
      // schemas), about 520 KB: loaded by the staff laptop and the projector, not at 报到.
      chunkSizeWarningLimit: 600,
      rollupOptions: {
        input: {
          console: resolve('renderer/console/index.html'),
          screen: resolve('renderer/screen/index.html'),
        },
      },
    },
  },
})
