import { ScrutineersService } from './services/scrutineers.service'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Server } from 'socket.io'
import type { Namespace } from 'socket.io'
import { namespaces } from '../../shared/protocol/events'
import { hostHeartbeat } from '../../shared/protocol/tablet-link'
import { handleApi } from './http/api'
import type { Doors } from './http/host-header'
import { addressedHere, misdirected, originHere } from './http/host-header'
import { securityHeaders, serveStatic } from './http/static-files'
import type { ImportWorkerOptions } from './tables/import-worker'
import { ImportWorkers } from './tables/import-worker'
import { Archiver, reportRenderers } from './services/archive.service'
import { newStaffToken } from './services/credentials'
import { AttendanceService } from './services/attendance.service'
import { LibraryService } from './services/library.service'
import { LiveService } from './services/live.service'
import { PaperCountService } from './services/paper-count.service'
import { MeetingService } from './services/meeting.service'
import { PreparationService } from './services/preparation.service'
import { ProposalsService } from './year/proposals.service'
import { Hall } from './state/hall'
import type { Session } from './state/session'
import { VoteService } from './services/vote.service'
import { VoteTimer } from './services/vote-timer'
import { RatingService } from './year/rating.service'
import { ProgressImportService } from './year/progress-import.service'
import { YearService } from './year/year.service'
import { DutyService } from './duty/duty.service'
import {
  ConnectionGuard,
  defaultConnectionsPerAddress,
  defaultJoinTimeoutMs,
  ownAddresses,
} from './socket/connection-guard'
import { setupConsoleNamespace } from './socket/console.handlers'
import { setupDeputyNamespace } from './socket/deputy.handlers'
import { isLoopback } from './socket/rate-limit'
import { setupScreenNamespace } from './socket/screen.handlers'
import { keptStaffToken } from './store/json-files/staff-token'
import type { KeptTokenState } from './store/json-files/staff-token'
import { defaultKeyDir, FileKeyVault, isInside } from './store/ballot-box/vote-keys'
import { baseUrl, consoleUrl, lanAddresses } from './urls'

export interface HostOptions {
  /** The data folder; every test gets its own. */
  dataDir: string
  /** 0 picks a free port. */
  port: number
  /** Interface to bind: 0.0.0.0 in the hall, 127.0.0.1 in tests. */
  host: string
  /** Where the built pages are (out/renderer). */
  staticDir?: string
  /**
   * The staff token: handed in (the desktop shell, `--staff-token`), else kept per data folder
   * when `keepStaffToken` (store/json-files/staff-token.ts), else random per start (tests).
   */
  staffToken?: string
  /** Keep the token for this data folder in the key folder, so a restart keeps the console. */
  keepStaffToken?: boolean
  /** With `keepStaffToken`: replace the kept token; consoles holding the old one are refused. */
  rotateStaffToken?: boolean
  /** Admit /console and the staff API from other machines on the LAN (with the token). */
  allowLanConsole?: boolean
  /**
   * Names the hall's DNS gives this machine (e.g. plenary.lan), beside its addresses and
   * localhost: requests addressed to any other name are refused (http/host-header.ts).
   */
  hostNames?: readonly string[]
  /** Which peer addresses are this machine; loopback unless told otherwise (tests, odd stacks). */
  isLocalAddress?: (address: string | undefined) => boolean
  /**
   * The report worker's script (it renders the archive's PDF and XLSX off the main thread): the
   * source .ts unless the bundled shell names the .js it built.
   */
  archiveWorker?: URL | string
  /**
   * Where open ballot boxes' keys are kept: never inside the data folder. The user's config
   * folder unless told (vote-keys.ts); the desktop shell names its user-data folder.
   */
  keyDir?: string
  /** The desktop shell's key from the system keychain (safeStorage), which wraps the vote keys. */
  keyWrap?: Buffer
  /**
   * Socket.IO connections one remote address may hold at once; 0 for no cap. 50 unless told:
   * tablets in a hall have addresses of their own, and an overflow room behind one NAT router
   * still fits. A rehearsal's virtual tablets from another machine need 0.
   */
  connectionsPerAddress?: number
  /** Addresses the cap does not apply to: this machine's own unless told otherwise (tests). */
  connectionCapExempt?: (address: string) => boolean
  /** How long a connection may stay without joining /console, /deputy or /screen: 30 s. */
  joinTimeoutMs?: number
  /**
   * The import worker's script (it parses uploaded rosters and project lists off the main
   * thread): the source .ts unless the bundled shell names the .js it built.
   */
  importWorker?: URL | string
  /** How many uploads are parsed at once, the worker's heap and time limits (tests). */
  importWorkerOptions?: ImportWorkerOptions
  log?: (line: string) => void
}

export interface HostHandle {
  port: number
  staffToken: string
  /** Where the token came from: handed in, random for this start, or kept (new, reused, rotated). */
  staffTokenSource: 'given' | 'random' | KeptTokenState
  /** Where the open ballot boxes' keys are kept (vote-keys.ts). */
  keyDir: string
  /** Loopback URL of the console page, carrying the staff token. */
  consoleUrl: string
  /** Base URLs tablets can reach, one per LAN address (loopback when bound to it). */
  tabletBases(): string[]
  hall: Hall
  /** The meeting open now (changes when staff switch meetings). */
  readonly session: Session
  meetings: MeetingService
  votes: VoteService
  attendance: AttendanceService
  live: LiveService
  archiver: Archiver
  year: YearService
  rating: RatingService
  duty: DutyService
  close(): Promise<void>
}

export function defaultStaticDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '../../out/renderer')
}

/** The composition root of the hall server: wiring happens here and nowhere else. */
export async function createHost(options: HostOptions): Promise<HostHandle> {
  const log = options.log ?? ((line: string) => console.log(line))
  const staticDir = options.staticDir ?? defaultStaticDir()
  const keyDir = options.keyDir ?? defaultKeyDir()
  if (isInside(keyDir, options.dataDir))
    throw new Error(
      `the key folder ${keyDir} must not be inside the data folder ${options.dataDir}`,
    )
  const hall = await Hall.open(options.dataDir, new FileKeyVault(keyDir, options.keyWrap ?? null))
  const { staffToken, staffTokenSource } = await chooseStaffToken(options, keyDir).catch(
    async (error: unknown) => {
      await hall.close()
      throw error
    },
  )
  // What staff must know about the data folder, also where no console is open yet.
  const tellAlerts = () => {
    for (const alert of hall.session.alerts) log(`注意 / alert: ${alert.code}: ${alert.detail}`)
  }
  tellAlerts()
  hall.on('change', (change) => {
    if (change.type === 'meeting-switched') tellAlerts()
  })
  const meetings = new MeetingService(hall)
  const archiver = new Archiver(hall, reportRenderers(options.archiveWorker))
  const paper = new PaperCountService(hall)
  const votes = new VoteService(hall, archiver, paper)
  const preparation = new PreparationService(hall)
  const proposals = new ProposalsService(hall)
  const imports = new ImportWorkers(options.importWorker, options.importWorkerOptions)
  const attendance = new AttendanceService(hall)
  const timer = new VoteTimer(hall, votes, log)
  const year = new YearService(hall)
  const rating = new RatingService(hall, year, preparation, votes)
  const progressImports = new ProgressImportService(hall, year)
  const duty = new DutyService(hall)

  let port = options.port
  const tabletBases = () => {
    if (options.host === '127.0.0.1' || options.host === 'localhost')
      return [baseUrl('127.0.0.1', port)]
    const lan = lanAddresses()
    return (lan.length > 0 ? lan : ['127.0.0.1']).map((a) => baseUrl(a, port))
  }

  const isLocal = options.isLocalAddress ?? isLoopback
  /** Staff (console and staff API) from this machine only, unless the LAN is admitted. */
  const admitStaff = (address: string | undefined) =>
    (options.allowLanConsole ?? false) || isLocal(address)

  let addressesRead = 0
  let addresses: ReadonlySet<string> = new Set()
  const doors: Doors = {
    port: () => port,
    // Read again at most every few seconds: a laptop's Wi-Fi address may change in the hall.
    addresses: () => {
      if (Date.now() - addressesRead > 5_000) {
        addresses = ownAddresses()
        addressesRead = Date.now()
      }
      return addresses
    },
    names: (options.hostNames ?? []).map((n) => n.toLowerCase()),
  }

  const http = createServer((req, res) => {
    securityHeaders(res)
    if (!addressedHere(req, doors)) {
      misdirected(res)
      return
    }
    if (req.url === '/' || req.url === '/join') {
      res.writeHead(302, { Location: '/tablet/' }).end()
      return
    }
    if (
      handleApi(
        {
          hall,
          preparation,
          year,
          progressImports,
          proposals,
          duty,
          imports,
          staffToken,
          admitStaff,
          originHere: (origin) => originHere(origin, doors),
          tabletBase: () => tabletBases()[0] ?? '',
          log,
        },
        req,
        res,
      )
    )
      return
    serveStatic(staticDir, req, res).then(
      (served) => {
        if (!served)
          res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found')
      },
      (error: unknown) => {
        log(`static error: ${String(error)}`)
        if (!res.headersSent) res.writeHead(500).end()
      },
    )
  })

  const own = ownAddresses()
  const guard = new ConnectionGuard({
    perAddress: options.connectionsPerAddress ?? defaultConnectionsPerAddress,
    exempt: options.connectionCapExempt ?? ((address) => isLocal(address) || own.has(address)),
    joinTimeoutMs: options.joinTimeoutMs ?? defaultJoinTimeoutMs,
  })
  const io = new Server(http, {
    serveClient: false,
    allowRequest: (req, callback) =>
      addressedHere(req, doors) ? guard.allowRequest(req, callback) : callback('host', false),
    // A connection that joins no namespace in time is closed (Socket.IO's own default is 45 s).
    connectTimeout: options.joinTimeoutMs ?? defaultJoinTimeoutMs,
    maxHttpBufferSize: 64 * 1024,
    // Tablets on hall Wi-Fi drop often; recovery is ours (resends), not the transport's. A
    // silent tablet is noticed within 10 s, by it and by the host (tablet-link.ts says the cost).
    pingInterval: hostHeartbeat.pingIntervalMs,
    pingTimeout: hostHeartbeat.pingTimeoutMs,
  })
  // The projector first: a change reaches the hall's screen before thousands of tablets.
  const stopScreen = setupScreenNamespace(
    typed(io.of(namespaces.screen)),
    hall,
    () => {
      const base = tabletBases()[0]
      return base ? `${base}/tablet/` : null
    },
    log,
  )
  const deputy = setupDeputyNamespace(typed(io.of(namespaces.deputy)), {
    hall,
    meetings,
    attendance,
    votes,
    log,
  })
  const live = new LiveService(hall, deputy.isOnline, archiver)
  // The console acts: a page of another origin may not drive it, token or not.
  io.of(namespaces.console).use((socket, next) =>
    originHere(socket.handshake.headers.origin, doors) ? next() : next(new Error('origin')),
  )
  const stopConsole = setupConsoleNamespace(typed(io.of(namespaces.console)), {
    hall,
    library: new LibraryService(hall),
    scrutineers: new ScrutineersService(hall),
    preparation,
    proposals,
    meetings,
    attendance,
    live,
    paper,
    votes,
    year,
    rating,
    progressImports,
    duty,
    staffToken,
    admitStaff,
    tabletsOnline: deputy.online,
    watchTablets: deputy.watchOnline,
    log,
  })

  guard.attach(io, [io.of(namespaces.console), io.of(namespaces.deputy), io.of(namespaces.screen)])
  // A merge of paper ballots a crash cut short is made before any console can act.
  await paper.resume()

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject)
    http.listen(options.port, options.host, () => {
      http.off('error', reject)
      resolve()
    })
  })
  port = (http.address() as AddressInfo).port
  timer.start()
  archiver.resume()

  return {
    port,
    staffToken,
    staffTokenSource,
    keyDir,
    consoleUrl: consoleUrl(port, staffToken),
    tabletBases,
    hall,
    get session() {
      return hall.session
    },
    meetings,
    votes,
    attendance,
    live,
    archiver,
    year,
    rating,
    duty,
    async close() {
      timer.stop()
      guard.stop()
      stopConsole()
      stopScreen()
      deputy.stop()
      await imports.close()
      // Documents of a vote just closed are finished before the host goes.
      await archiver.idle()
      await year.close()
      await duty.close()
      await new Promise<void>((resolve) => {
        void io.close(() => resolve())
      })
      await hall.close()
    },
  }
}

/** Each namespace has its own event map; Socket.IO types a server with one, so narrow here. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the cast target carries the types
function typed<N extends Namespace<any, any, any, any>>(nsp: Namespace): N {
  return nsp as unknown as N
}

async function chooseStaffToken(
  options: HostOptions,
  keyDir: string,
): Promise<{ staffToken: string; staffTokenSource: HostHandle['staffTokenSource'] }> {
  if (options.staffToken) return { staffToken: options.staffToken, staffTokenSource: 'given' }
  if (!options.keepStaffToken) return { staffToken: newStaffToken(), staffTokenSource: 'random' }
  const kept = await keptStaffToken({
    keyDir,
    dataDir: options.dataDir,
    rotate: options.rotateStaffToken ?? false,
  })
  return { staffToken: kept.token, staffTokenSource: kept.state }
}
