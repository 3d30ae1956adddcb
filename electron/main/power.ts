import { powerSaveBlocker } from 'electron'
import type { DesktopHostState } from '../../shared/protocol/desktop-api'
import type { HostSupervisor } from './host-supervisor'
import { powerSaveChange } from './quit-decision'

/**
 * While a vote is open the laptop must not sleep or blank the projector: a sleeping host drops
 * every tablet mid-ballot. The blocker follows the host's status reports.
 */
export function setupPowerSave(supervisor: HostSupervisor): void {
  let blockerId: number | null = null
  const follow = (state: DesktopHostState) => {
    const change = powerSaveChange(blockerId !== null, state.openVote !== null)
    if (change === 'start') blockerId = powerSaveBlocker.start('prevent-display-sleep')
    if (change === 'stop' && blockerId !== null) {
      powerSaveBlocker.stop(blockerId)
      blockerId = null
    }
  }
  // The host may have reported a resumed open vote before this was set up.
  follow(supervisor.state)
  supervisor.on('state', follow)
}
