import type { Ack } from '../envelope'
import type { ScreenShowInput } from '../screen.schema'

/** The console's control of the projector. */
export interface ConsoleScreenEvents {
  /** What the projector shows (staff choose the stage; a vote stage names its vote). */
  'screen:show': (input: ScreenShowInput, ack: Ack<null>) => void
}
