import { z } from 'zod'
import type { ConsoleYearEvents } from '../../../../shared/protocol/console/year.events'
import { parseInput } from '../../services/parse-input'
import type { RatingService } from '../../year/rating.service'
import type { ProgressImportService } from '../../year/progress-import.service'
import type { YearService } from '../../year/year.service'
import type { Handlers } from '../handle'

const emptyInputSchema = z.object({}).strict()

export function yearHandlers(
  year: YearService,
  rating: RatingService,
  progressImports: ProgressImportService,
): Handlers<ConsoleYearEvents> {
  return {
    'year:view': async (input) => {
      parseInput(emptyInputSchema, input ?? {})
      return year.view()
    },
    'year:project-update': (input) => year.updateProject(input),
    'year:progress-add': (input) => year.addProgress(input),
    'year:progress-edit': (input) => year.editProgress(input),
    'year:previous': async (input) => {
      parseInput(emptyInputSchema, input ?? {})
      return rating.previous()
    },
    'year:rating-create': (input) => rating.create(input),
    'year:progress-import': (input) => progressImports.confirm(input),
  }
}
