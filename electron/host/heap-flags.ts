/**
 * The host process's V8 heap, as Node flags: `npm run host` (package.json spells them out, and a
 * test holds it to this list), the desktop shell's utility process and the benchmark's child
 * host all start with them.
 *
 * `--max-old-space-size=768` is a ceiling of ten times what 5,000 checked-in tablets keep live
 * (~75 MB, a heap snapshot); a host that outgrew it would stop, and the desktop shell restarts
 * it with nothing acknowledged lost. Its use is the other thing it sets: below 2 GB V8 lets the
 * heap grow less at each collection (at most ~1.5× what survived, not up to 4× as under Node's
 * default ceiling of ~4 GB). At 5,000 tablets that holds the host's peak resident memory, its
 * report worker included, to 268-280 MB against 315-330 MB with the default, with the
 * 3,000-tablet ack p99 unchanged within the benchmark's noise. At 512 the old generation is
 * collected so often that that p99 doubles (35-54 ms).
 *
 * `--expose-gc` lets the host collect its heap at a quiet moment, as a vote opens (quiet-gc.ts).
 */
export const hostHeapFlags: readonly string[] = ['--max-old-space-size=768', '--expose-gc']

/**
 * The same flags for the desktop shell's Electron utility process. Its execArgv become switches
 * of the process's command line, and its V8 isolate is made before Node reads them (Electron's
 * node_service.cc creates the JavascriptEnvironment first), so a heap flag given as such would
 * come too late; V8's flags in the --js-flags switch are set before the isolate exists
 * (JavascriptEnvironment::Initialize).
 */
export const utilityProcessHeapArgv: readonly string[] = [`--js-flags=${hostHeapFlags.join(' ')}`]
