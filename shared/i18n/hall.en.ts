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
  'hall.details.edit': 'Edit meeting details',
  'hall.details.badDate': 'The date must be year-month-day, e.g. 2027-01-12',
  'hall.details.tooLong': '{field}: at most {max} characters',
  'hall.details.oneLine': '{field}: one line only',
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
  'hall.rehearsal.screen': 'REHEARSAL',
  'hall.rehearsal.archive': 'Rehearsal archive (kept apart from the real archive)',
  'hall.seats.title': 'Seat map',
  'hall.seats.stage': 'Stage (front)',
  'hall.seats.row': 'Row {row}',
  'hall.seats.present': 'Checked in',
  'hall.seats.absent': 'Not checked in',
  'hall.seats.leave': 'On leave',
  'hall.seats.voted': 'Voted',
  'hall.seats.notVoted': 'Not voted',
  'hall.seats.hint':
    'Filled green: checked in; hollow: not checked in; struck through: on leave. Point at or click a seat to see who sits there.',
  'hall.seats.voteMode':
    'Voting on “{title}”: a heavy orange frame marks a seat that has not voted, pale blue one that has (whether, never how).',
  'hall.seats.pickHint': 'Point at or click a seat to see who sits there',
  'hall.seats.picked': '{seat} · {name} · {delegation} · {state}',
  'hall.seats.aria': 'Seat map: {summary}',
  'hall.seats.unplaced':
    'The seats of these {n} deputies cannot be drawn (write them as “3排12号”, “3-12” or “二楼3排12号”):',
  'hall.seats.none':
    'The roster’s seats cannot be drawn as a map (write them as “3排12号”, “3-12” or “二楼3排12号”); the {n} deputies are listed instead:',
  'hall.seats.duplicate': 'seat taken twice',
  'hall.seats.more': '{n} more not listed: find them on the map or in the roster',
  'hall.seats.screenTitle': 'Check-in · seat map',
  'hall.seats.screenUnplaced': '{n} more deputies’ seats could not be drawn',
  'hall.seats.screenNone': 'The roster’s seats cannot be drawn as a map',
} as const
