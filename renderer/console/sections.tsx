import type { ReactNode } from 'react'
import type { MessageKey } from '../../shared/i18n'
import { AgendaSection } from './agenda/AgendaSection'
import { DutySection } from './duty/DutySection'
import { ExportSection } from './export/ExportSection'
import { HallSection } from './hall/HallSection'
import { MeetingsSection } from './meetings/MeetingsSection'
import { ProjectsSection } from './projects/ProjectsSection'
import { RosterSection } from './roster/RosterSection'
import { ProposalsSection } from './year/ProposalsSection'
import { ScrutineersSection } from './scrutineers/ScrutineersSection'
import type { ConsoleApi } from './use-console'
import { YearSection } from './year/YearSection'

export interface ConsoleSection {
  id: string
  label: MessageKey
  /** A short line under the label in the navbar. */
  hint: MessageKey
  /** Before the meeting (preparation) or on the day (the hall). */
  group: 'prepare' | 'hall' | 'year'
  render: (api: ConsoleApi) => ReactNode
}

/**
 * The console's sections, in navbar order. Preparation first (meetings, roster, projects,
 * agenda), then the day itself: 会场 is where the live session lives (renderer/console/live/
 * adds check-in, quorum, reminders and paper ballots there), then exports.
 */
export const sections: readonly ConsoleSection[] = [
  {
    id: 'meetings',
    label: 'prep.nav.meetings',
    hint: 'prep.nav.meetings.hint',
    group: 'prepare',
    render: (api) => <MeetingsSection api={api} />,
  },
  {
    id: 'roster',
    label: 'prep.nav.roster',
    hint: 'prep.nav.roster.hint',
    group: 'prepare',
    render: (api) => <RosterSection api={api} />,
  },
  {
    id: 'projects',
    label: 'prep.nav.projects',
    hint: 'prep.nav.projects.hint',
    group: 'prepare',
    render: (api) => <ProjectsSection api={api} />,
  },
  {
    id: 'proposals',
    label: 'proposals.nav',
    hint: 'proposals.nav.hint',
    group: 'prepare',
    render: (api) => <ProposalsSection api={api} />,
  },
  {
    id: 'agenda',
    label: 'prep.nav.agenda',
    hint: 'prep.nav.agenda.hint',
    group: 'prepare',
    render: (api) => <AgendaSection api={api} />,
  },
  {
    id: 'scrutineers',
    label: 'office.nav.scrutineers',
    hint: 'office.nav.scrutineers.hint',
    group: 'prepare',
    render: (api) => <ScrutineersSection api={api} />,
  },
  {
    id: 'hall',
    label: 'prep.nav.hall',
    hint: 'prep.nav.hall.hint',
    group: 'hall',
    render: (api) => <HallSection api={api} />,
  },
  {
    id: 'export',
    label: 'prep.nav.export',
    hint: 'prep.nav.export.hint',
    group: 'hall',
    render: (api) => <ExportSection api={api} />,
  },
  {
    id: 'year',
    label: 'year.nav',
    hint: 'year.nav.hint',
    group: 'year',
    render: (api) => <YearSection api={api} />,
  },
  {
    id: 'duty',
    label: 'duty.nav',
    hint: 'duty.nav.hint',
    group: 'year',
    render: (api) => <DutySection api={api} />,
  },
]
