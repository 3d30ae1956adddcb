import { BrowserWindow, screen } from 'electron'
import type { Display } from 'electron'
import { placeProjector, samePlacement } from './displays'
import type { DisplayInfo, ProjectorChoice, ProjectorPlacement } from './displays'
import { safeWebPreferences } from './windows'

export function displayInfos(): { displays: DisplayInfo[]; primaryId: number } {
  return {
    displays: screen.getAllDisplays().map((d: Display) => ({
      id: d.id,
      bounds: d.bounds,
      label: d.label,
    })),
    primaryId: screen.getPrimaryDisplay().id,
  }
}

/**
 * The projector window: fullscreen on the external display, moved whenever displays come and
 * go (placeProjector decides where), closed when staff turn it off in the menu.
 */
export class ProjectorWindow {
  #win: BrowserWindow | null = null
  #placed: ProjectorPlacement = { kind: 'hidden' }
  #choice: ProjectorChoice
  #url: string | null = null
  readonly #title: string
  readonly #onDisplaysChanged: () => void

  constructor(choice: ProjectorChoice, title: string, onDisplaysChanged: () => void) {
    this.#choice = choice
    this.#title = title
    this.#onDisplaysChanged = onDisplaysChanged
    const follow = () => {
      this.apply()
      this.#onDisplaysChanged()
    }
    screen.on('display-added', follow)
    screen.on('display-removed', follow)
    screen.on('display-metrics-changed', () => this.apply())
  }

  get choice(): ProjectorChoice {
    return this.#choice
  }

  setChoice(choice: ProjectorChoice): void {
    this.#choice = choice
    this.apply()
  }

  /** The page to show; a new host port after a data folder switch reloads it. */
  setUrl(url: string): void {
    if (url === this.#url) return
    this.#url = url
    if (this.#win) void this.#win.loadURL(url)
    this.apply()
  }

  apply(): void {
    const { displays, primaryId } = displayInfos()
    const placement = placeProjector(displays, primaryId, this.#choice)
    if (placement.kind === 'hidden' || this.#url === null) {
      this.#win?.close()
      this.#win = null
      this.#placed = { kind: 'hidden' }
      return
    }
    if (this.#win && samePlacement(placement, this.#placed)) return
    const win = this.#win ?? this.#create(this.#url)
    // A fullscreen window does not move; leave fullscreen, move, then enter it on the new display.
    if (win.isFullScreen()) win.setFullScreen(false)
    win.setBounds(placement.bounds)
    if (placement.kind === 'fullscreen') win.setFullScreen(true)
    this.#placed = placement
  }

  close(): void {
    this.#win?.close()
    this.#win = null
  }

  #create(url: string): BrowserWindow {
    const win = new BrowserWindow({
      title: this.#title,
      width: 1280,
      height: 720,
      autoHideMenuBar: true,
      backgroundColor: '#0b1e3f',
      webPreferences: safeWebPreferences(null),
    })
    win.on('closed', () => {
      if (this.#win === win) {
        this.#win = null
        this.#placed = { kind: 'hidden' }
      }
    })
    void win.loadURL(url)
    this.#win = win
    return win
  }
}
