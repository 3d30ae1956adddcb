import type { hallZhCN } from './hall.zh-CN'

export const hallEn: Record<keyof typeof hallZhCN, string> = {
  'screen.stage.seats': 'Seat map',
  'hall.details.session': 'Session',
  'hall.details.sessionHint': 'e.g. 5th Session of the 18th District People’s Congress',
  'hall.details.date': 'Date',
  'hall.details.venue': 'Venue',
  'hall.details.venueHint': 'e.g. District People’s Hall',
  'hall.details.presiding': 'Presiding officer',
  'hall.details.presidingLine': 'Presiding: {name}',
  'hall.details.none': 'No session, date, venue or presiding officer yet',
  'hall.details.printed':
    'Session, date, venue and presiding officer are printed on the cards, the screen and the result reports; blank ones are left out.',
  'hall.rehearsal': 'Rehearsal',
  'hall.rehearsal.flag': 'This is a rehearsal',
  'hall.rehearsal.flagHint':
    'A rehearsal’s screen, tablets and every document say REHEARSAL; its results are kept apart and never enter the real archive.',
  'hall.rehearsal.locked':
    'A vote of this meeting has opened: whether it is a rehearsal can no longer change. Duplicate it for a real meeting.',
  'hall.rehearsal.banner':
    'REHEARSAL · this meeting is a rehearsal: its results do not count and are not archived as real',
  'hall.rehearsal.tablet': 'REHEARSAL · practice only: this ballot does not count',
  'hall.rehearsal.screen': 'REHEARSAL',
  'hall.rehearsal.archive': 'Rehearsal archive (kept apart from the real archive)',
} as const
