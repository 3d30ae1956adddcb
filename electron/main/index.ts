/**
 * The Electron shell's composition root: starts the host in a utility process, opens the
 * console and the projector windows, and wires menus, dialogs, IPC and the quit guard. The
 * decisions are pure functions in their own modules; this file only calls setupX() in order.
 */
import { randomBytes } from 'node:crypto'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, dialog, Menu, shell } from 'electron'
import type { BrowserWindow } from 'electron'
import type { DesktopImportKind } from '../../shared/protocol/desktop-api'
import { archiveDirOf, exportArchive, importFileForPreview } from './desktop-files'
import { askAfterGiveUp, askPort, pickFolder, pickImportFile, tell } from './dialogs'
import { HostStartError, HostSupervisor } from './host-supervisor'
import { ipcChannels } from './ipc-channels'
import { setupIpc } from './ipc'
import { menuTemplate } from './menu-template'
import { isPortProblem, portChoiceFor, portQuestion } from './port-fallback'
import { setupPowerSave } from './power'
import { displayInfos, ProjectorWindow } from './projector'
import { decideDataFolderChange, flushTimeoutMs } from './quit-decision'
import { setupQuitGuard } from './quit-guard'
import { setupSecurity } from './security'
import { loadSettings, resolveDataDir, resolvePort, saveSettings } from './settings'
import type { ShellSettings } from './settings'
import { shellWords } from './shell-labels'
import type { ShellWords } from './shell-labels'
import { pageUrl } from './shell-urls'
import { keychainWrapKey } from './keychain'
import { forkUtilityHost } from './utility-host'
import { createConsoleWindow } from './windows'

const mainDir = dirname(fileURLToPath(import.meta.url))
/**
 * Packaged, the pages and resources sit beside app.asar as plain files (electron-builder.yml
 * extraResources), laid out as in the repository: <resources>/renderer, <resources>/resources.
 */
const resourcesDir = app.isPackaged
  ? join(process.resourcesPath, 'resources')
  : join(mainDir, '../../resources')
const staticDir = app.isPackaged
  ? join(process.resourcesPath, 'renderer')
  : join(mainDir, '../renderer')
const iconPath = join(resourcesDir, 'icons', 'icon-512.png')
const staffToken = randomBytes(24).toString('base64url')

let consoleWindow: BrowserWindow | null = null

/** Starts the host, asking staff for another port while the chosen one cannot be used. */
async function startWithPortChoice(
  supervisor: HostSupervisor,
  preferred: number,
  words: ShellWords,
): Promise<number | null> {
  const tried: number[] = []
  let port = preferred
  for (;;) {
    try {
      return await supervisor.start(port)
    } catch (error) {
      const code = error instanceof HostStartError ? error.code : null
      if (!isPortProblem(code)) throw error
      tried.push(port)
      const question = portQuestion(port, code, tried, words)
      const choice = portChoiceFor(question, await askPort(question))
      if (choice.kind === 'quit') return null
      port = choice.port
    }
  }
}

async function main(): Promise<void> {
  await app.whenReady()
  const words = shellWords(app.getLocale())
  const settingsFile = join(app.getPath('userData'), 'settings.json')
  let settings: ShellSettings = await loadSettings(settingsFile)
  const remember = async (patch: Partial<ShellSettings>) => {
    settings = { ...settings, ...patch }
    await saveSettings(settingsFile, settings)
  }

  const hostEnv = { ...process.env, PLENARY_FONTS_DIR: join(resourcesDir, 'fonts') }
  const supervisor = new HostSupervisor(() => forkUtilityHost(mainDir, hostEnv), {
    dataDir: resolveDataDir(settings, app.getPath('userData'), process.env),
    staffToken,
    staticDir,
    bindHost: '0.0.0.0',
    keyDir: join(app.getPath('userData'), 'vote-keys'),
    keyWrap: await keychainWrapKey(app.getPath('userData')),
  })
  const port = () => supervisor.state.port
  setupSecurity(port, () => supervisor.csp)
  setupIpc(() => consoleWindow?.webContents.id ?? null, port, {
    [ipcChannels.staffToken]: () => staffToken,
    [ipcChannels.hostState]: () => supervisor.state,
    [ipcChannels.openImportDialog]: (kind) => importWithDialog(kind),
    [ipcChannels.exportArchive]: () => exportWithDialog(),
    [ipcChannels.openArchiveFolder]: () => openArchiveFolder(),
  })

  const preferred = resolvePort(settings, process.env)
  let started: number | null
  try {
    started = await startWithPortChoice(supervisor, preferred, words)
  } catch (error) {
    dialog.showErrorBox(words.hostFailed, String(error))
    app.exit(1)
    return
  }
  if (started === null) {
    app.exit(0)
    return
  }
  // A port staff chose stays: the join sheets and QR cards they print carry it.
  if (started !== preferred && !process.env.PORT) await remember({ port: started })

  consoleWindow = createConsoleWindow(
    pageUrl(started, 'console'),
    join(mainDir, '../preload'),
    words.consoleTitle,
    iconPath,
  )
  const guard = setupQuitGuard(supervisor, () => consoleWindow, words)
  consoleWindow.on('close', (event) => {
    if (guard.isExiting()) return
    event.preventDefault()
    app.quit()
  })
  consoleWindow.on('closed', () => {
    consoleWindow = null
  })

  const projector = new ProjectorWindow(settings.projector, words.projectorTitle, () => buildMenu())
  projector.setUrl(pageUrl(started, 'screen'))
  setupPowerSave(supervisor)

  supervisor.on('state', (state) => {
    consoleWindow?.webContents.send(ipcChannels.hostStateChanged, state)
    if (state.phase === 'running' && state.port !== null)
      projector.setUrl(pageUrl(state.port, 'screen'))
  })
  supervisor.on('gave-up', (crashes) => {
    void askAfterGiveUp(consoleWindow, crashes, words).then((answer) => {
      if (answer === 'quit') app.quit()
      else
        void supervisor
          .retry()
          .catch((error: unknown) => tell(consoleWindow, 'error', String(error), words))
    })
  })

  function buildMenu(): void {
    const { displays, primaryId } = displayInfos()
    const template = menuTemplate(
      {
        words,
        isMac: process.platform === 'darwin',
        displays,
        primaryId,
        projector: projector.choice,
      },
      {
        exportArchive: () => void exportWithDialog(),
        openArchiveFolder: () => void openArchiveFolder(),
        changeDataFolder: () => void changeDataFolder(),
        openDataFolder: () => void shell.openPath(supervisor.state.dataDir),
        setProjector: (choice) => {
          projector.setChoice(choice)
          void remember({ projector: choice })
          buildMenu()
        },
      },
    )
    Menu.setApplicationMenu(Menu.buildFromTemplate(template))
  }
  buildMenu()

  async function importWithDialog(kind: DesktopImportKind) {
    const path = await pickImportFile(consoleWindow, kind, words)
    const hostPort = port()
    if (path === null) return { status: 'canceled' as const }
    if (hostPort === null)
      return { status: 'failed' as const, fileName: null, message: words.hostUnavailable }
    return importFileForPreview({ port: hostPort, staffToken }, kind, path, words)
  }

  async function exportWithDialog() {
    const meetingDir = supervisor.meetingDir
    if (meetingDir === null) return { status: 'failed' as const, message: words.hostUnavailable }
    const dest = await pickFolder(consoleWindow, words.chooseExportFolder, app.getPath('documents'))
    if (dest === null) return { status: 'canceled' as const }
    const result = await exportArchive(meetingDir, dest, new Date(), words)
    if (result.status === 'exported') shell.showItemInFolder(result.path)
    return result
  }

  async function openArchiveFolder() {
    const meetingDir = supervisor.meetingDir
    if (meetingDir === null) return { opened: false, message: words.hostUnavailable }
    // openPath answers an error message, or '' when the file manager opened.
    const problem = await shell.openPath(archiveDirOf(meetingDir))
    return problem === ''
      ? { opened: true, message: null }
      : { opened: false, message: words.noArchive }
  }

  async function changeDataFolder(): Promise<void> {
    const current = supervisor.state.dataDir
    const refusedFirst = decideDataFolderChange(supervisor.state.openVote, current, current)
    if (refusedFirst.change === 'refused') {
      await tell(consoleWindow, 'warning', words.dataFolderVoteOpen, words)
      return
    }
    const chosen = await pickFolder(consoleWindow, words.chooseDataFolder, current)
    // Asked again: a vote may have opened while the dialog was up.
    const decision = decideDataFolderChange(supervisor.state.openVote, current, chosen)
    if (decision.change === 'refused')
      await tell(consoleWindow, 'warning', words.dataFolderVoteOpen, words)
    if (decision.change !== 'switch') return
    await remember({ dataDir: decision.dataDir })
    try {
      const restartedOn = await supervisor.switchDataDir(decision.dataDir, flushTimeoutMs)
      void consoleWindow?.loadURL(pageUrl(restartedOn, 'console'))
    } catch (error) {
      await tell(consoleWindow, 'error', `${words.hostFailed}: ${String(error)}`, words)
    }
  }
}

// One user-data folder whatever the product name (the installers use the Chinese one): the
// data folder and settings stay put between `npm start` and an installed app.
app.setPath('userData', join(app.getPath('appData'), 'plenary-vote'))

if (!app.requestSingleInstanceLock()) {
  // A second copy would fight the first for the port and the data folder: hand over and leave.
  app.quit()
} else {
  app.on('second-instance', () => {
    if (consoleWindow?.isMinimized()) consoleWindow.restore()
    consoleWindow?.focus()
  })
  app.on('window-all-closed', () => app.quit())
  void main().catch((error: unknown) => {
    dialog.showErrorBox('Plenary Vote', String(error))
    app.exit(1)
  })
}
