import type { Ack } from '../envelope'
import type { DeputyId, ProjectId } from '../ids'
import type {
  DeputyInput,
  DeputyUpdateInput,
  ProjectInput,
  ProjectUpdateInput,
} from '../preparation.schema'

/** The console's preparation: the roster and the projects, imported and edited by hand. */
export interface ConsolePreparationEvents {
  'roster:confirm': (input: { previewId: string }, ack: Ack<{ deputies: number }>) => void
  'projects:confirm': (input: { previewId: string }, ack: Ack<{ projects: number }>) => void
  'deputy:add': (input: DeputyInput, ack: Ack<{ deputyId: DeputyId }>) => void
  'deputy:update': (input: DeputyUpdateInput, ack: Ack<null>) => void
  'deputy:remove': (input: { deputyId: DeputyId }, ack: Ack<null>) => void
  /** A new card for one deputy; the old credential stops working at once. */
  'deputy:reissue': (input: { deputyId: DeputyId }, ack: Ack<{ credential: string }>) => void
  /** New cards for every deputy: every printed card and every tablet's credential stop working. */
  'roster:reissue-all': (input: { confirm: true }, ack: Ack<{ deputies: number }>) => void
  'project:add': (input: ProjectInput, ack: Ack<null>) => void
  'project:update': (input: ProjectUpdateInput, ack: Ack<null>) => void
  'project:remove': (input: { projectId: ProjectId }, ack: Ack<null>) => void
  'projects:reorder': (input: { ids: ProjectId[] }, ack: Ack<null>) => void
}
