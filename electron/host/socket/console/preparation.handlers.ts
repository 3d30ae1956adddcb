import type { ConsolePreparationEvents } from '../../../../shared/protocol/console/preparation.events'
import type { PreparationService } from '../../services/preparation.service'
import type { Handlers } from '../handle'

export function preparationHandlers(prep: PreparationService): Handlers<ConsolePreparationEvents> {
  return {
    'roster:confirm': (input) => prep.confirmRoster(input),
    'projects:confirm': (input) => prep.confirmProjects(input),
    'deputy:add': (input) => prep.addDeputy(input),
    'deputy:update': (input) => prep.updateDeputy(input),
    'deputy:remove': (input) => prep.removeDeputy(input),
    'deputy:reissue': (input) => prep.reissue(input),
    'roster:reissue-all': (input) => prep.reissueAll(input),
    'project:add': (input) => prep.addProject(input),
    'project:update': (input) => prep.updateProject(input),
    'project:remove': (input) => prep.removeProject(input),
    'projects:reorder': (input) => prep.reorderProjects(input),
  }
}
