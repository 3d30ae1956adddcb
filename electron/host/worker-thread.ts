import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { WorkerOptions } from 'node:worker_threads'

/**
 * Starts a worker thread from its script: the source .ts under `npm run host`, the bench's child
 * host and vitest, or the .js electron-vite built for the desktop shell.
 *
 * A .ts script needs tsx inside the thread. Node 20 ignores loader hooks given in a worker's
 * execArgv (nodejs/node#47747), and vitest's own loader is not there at all, so the thread
 * registers tsx itself before it loads the script. It registers tsx's CommonJS hook, which
 * compiles in the worker's own thread: the ESM one (module.register) runs on a hooks thread of
 * its own, a second V8 isolate with tsx and esbuild in it, which cost every report ~20 MB more
 * (peak +102-107 MB over the host against +79-81 MB). The built workers are ESM; both draw the
 * same bytes. From source a worker script is loaded as CommonJS, so it has no top-level await.
 */
export function startWorker(script: URL | string, options: WorkerOptions): Worker {
  const path = script instanceof URL ? fileURLToPath(script) : script
  if (!path.endsWith('.ts')) return new Worker(script, options)
  const tsx = createRequire(import.meta.url).resolve('tsx/cjs/api')
  const bootstrap = `require(${JSON.stringify(tsx)}).register()
  require(${JSON.stringify(path)})`
  return new Worker(bootstrap, { ...options, eval: true })
}

/** Node names the thread's out-of-memory end with this code (ERR_WORKER_OUT_OF_MEMORY). */
export function isOutOfMemory(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY'
}
