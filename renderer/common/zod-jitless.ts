import { z } from 'zod'

/**
 * The pages' CSP has no 'unsafe-eval'. zod 4 compiles object parsers with `new Function` and,
 * to know whether it may, probes `new Function("")` when the first object schema is made: the
 * probe's error is caught, but the browser still reports a CSP violation on every load. Jitless,
 * zod neither probes nor compiles. Imported first by every page entry whose bundle holds zod
 * (console, screen; the tablet's has none), before any module that makes a schema.
 */
z.config({ jitless: true })
