import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

/**
 * One build for the shell and the pages. The pages are served by the host to hall tablets, so
 * they are built for the tablets' browsers (Mantine's floor: Safari 15.4, Chrome 99), not for
 * Electron's Chromium.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          'host-process': resolve('electron/main/host-process.ts'),
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
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      target: ['safari15.4', 'chrome99'],
      rollupOptions: {
        input: {
          console: resolve('renderer/console/index.html'),
          tablet: resolve('renderer/tablet/index.html'),
          screen: resolve('renderer/screen/index.html'),
        },
      },
    },
  },
})
