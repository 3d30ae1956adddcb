import type { auditZhCN } from './audit.zh-CN'

export const auditEn: Record<keyof typeof auditZhCN, string> = {
  'audit.staff': 'Staff',
  'audit.meeting.opened': 'Staff opened this meeting',
  'audit.meeting.renamed': 'Staff renamed the meeting to “{title}”',
  'audit.meeting.updated':
    "Staff changed the meeting's details (session, date, venue, presiding officer or rehearsal)",
  'audit.roster.credentials-reissued':
    'Staff reissued the cards of all {deputies} deputies; every old card stopped working',
  'audit.vote.revote-created': 'Staff made a fresh vote to redo the annulled “{vote}”',
  'audit.meeting.duplicated':
    'Staff made this meeting as a copy of “{from}” (roster, projects, agenda; no ballots)',
  'audit.meeting.deleted': 'Staff deleted a meeting (moved to the bin)',
  'audit.meeting.demo-loaded':
    'Staff loaded the demo meeting “{title}”: {deputies} deputies, {projects} projects',
  'audit.meeting.quorum-set': 'Staff set the quorum to {n}/{d} of all deputies',
  'audit.meeting.quorum-none': 'Staff removed the quorum (rehearsal)',
  'audit.roster.imported': 'Staff imported the roster: {deputies} deputies',
  'audit.projects.imported': 'Staff imported the candidate projects: {projects}',
  'audit.deputy.added': 'Staff added deputy {name}',
  'audit.deputy.updated': 'Staff edited deputy {name}',
  'audit.deputy.removed': 'Staff removed deputy {name}',
  'audit.deputy.credential-reissued':
    'Staff reissued the card of deputy {name}; the old card no longer works',
  'audit.project.added': 'Staff added project {project}',
  'audit.project.updated': 'Staff edited project {project}',
  'audit.project.removed': 'Staff removed project {project}',
  'audit.projects.reordered': 'Staff reordered the candidate projects',
  'audit.proposals.ungroupedBy': '; its {n} citizens’ proposals are now ungrouped',
  'audit.proposals.imported':
    'Staff imported citizens’ proposals: {proposals} ({added} added, {removed} removed, {changed} changed)',
  'audit.proposals.grouped': 'Staff grouped {n} proposals under project {project}',
  'audit.proposals.moved': ' ({n} of them moved from another project)',
  'audit.proposals.ungrouped': 'Staff took {n} proposals out of project {projects}: now ungrouped',
  'audit.deputy.checked-in.tablet': 'Deputy {names} checked in on a tablet',
  'audit.deputy.checked-in.staff': 'Staff checked in {n} deputies: {names}',
  'audit.deputy.checked-in.paper':
    'Staff entered the check-in of {n} deputies from the paper sign-in sheet: {names}',
  'audit.deputy.checked-in.staff-confirmed':
    'Staff confirmed the check-in of {names}, who was on leave',
  'audit.deputy.check-in-undone': 'Staff undid the check-in of {n} deputies: {names}',
  'audit.deputy.on-leave': 'Staff recorded {n} deputies on leave: {names}',
  'audit.deputy.on-leave.reason': '; reason: {reason}',
  'audit.deputy.card-opened-on-leave':
    'The card of {name}, on leave, was opened on a tablet; awaiting staff',
  'audit.vote.issued-grew':
    '{n} more deputies checked in during “{vote}”: ballots issued now {issued}',
  'audit.vote.created': 'Staff created the vote “{vote}” ({kind})',
  'audit.vote.updated': 'Staff edited the rules or candidates of “{vote}”',
  'audit.vote.removed': 'Staff removed the vote “{vote}”',
  'audit.vote.opened':
    'Staff opened the vote “{vote}”, {issued} ballots issued (roster {roster}, present {present})',
  'audit.vote.opened.deadline': ', until {time}',
  'audit.vote.quorum-overridden':
    '“{vote}” opened without a quorum (present {present}, needed {needed}); the reason staff gave: {reason}',
  'audit.vote.reminded':
    'Staff reminded the deputies who had not voted in “{vote}”: {notVoted} not voted, {reminded} tablets online reminded',
  'audit.vote.paper-entry':
    'Staff entered a paper ballot for a deputy whose tablet failed (“{vote}”)',
  'audit.vote.time-up': 'The time for “{vote}” is up',
  'audit.vote.closed.staff':
    'Staff closed “{vote}”: {cast} ballots received, {valid} valid, {invalid} invalid',
  'audit.vote.closed.timer':
    '“{vote}” closed when its time was up: {cast} ballots received, {valid} valid, {invalid} invalid',
  'audit.vote.published': 'Staff published the result of “{vote}”',
  'audit.vote.annulled': 'Staff annulled “{vote}”. Reason: {reason}',
  'audit.vote.runoff-created': 'Staff made a run-off of “{vote}”: {n} projects, {seats} seats',
  'audit.ballot-box.damaged': 'At start the ballot box of “{vote}” was found damaged: {detail}',
  'audit.ballot-box.acknowledged':
    'Staff acknowledged the damage to the box of “{vote}”; it goes on with the {cast} ballots it holds',
  'audit.screen.shown': 'The screen now shows “{stage}”',
  'audit.screen.shown.vote': 'The screen now shows “{stage}”: “{vote}”',
  'audit.archive.failed': 'The archive of “{vote}” failed: {error}',
  'audit.data.recovered':
    'At start the data file {file} was damaged ({problem}); the last good copy was used',
  'audit.unknown': 'Entry “{type}”',
  'audit.scrutineers.updated': 'Staff recorded the scrutineers: {names}',
  'audit.scrutineers.updated.unapproved': ' (the list approved before must be approved again)',
  'audit.scrutineers.updated.reason': '; reason: {reason}',
  'audit.scrutineers.approved': 'The meeting approved the scrutineers: {names}',
  'audit.scrutineers.approved.late': ' (after a vote had opened)',
  'audit.scrutineers.none': '(none)',
  'audit.scrutineers.chief': 'chief scrutineer {names}',
  'audit.scrutineers.scrutineer': 'scrutineers {names}',
  'audit.scrutineers.teller': 'tellers {names}',
  'audit.scrutineers.separator': '; ',
  'audit.paper.started.whole':
    '“{vote}” went to paper: all {toCount} ballots are counted from paper',
  'audit.paper.started.rest':
    '“{vote}” went to paper: the {tablet} tablet ballots stay; the other {toCount} deputies vote on paper',
  'audit.paper.tallies': 'Paper ballots of “{vote}” recorded: {issued} issued, {returned} returned',
  'audit.paper.tallies.was': ' (was {issued} issued, {returned} returned)',
  'audit.paper.entry-begun':
    'Teller {teller} began entry {slot} of batch {batch} of “{vote}” ({size} papers)',
  'audit.paper.entry-finished':
    'Teller {teller} finished entry {slot} of batch {batch} of “{vote}” ({ballots} papers)',
  'audit.paper.entry-moved':
    'Entry {slot} of batch {batch} of “{vote}” ({teller}) moved to another device',
  'audit.paper.batch-mismatch':
    'The two entries of batch {batch} of “{vote}” differ on papers {places}',
  'audit.paper.batch-resolved':
    'Scrutineer {scrutineer} resolved papers {places} of batch {batch} of “{vote}”',
  'audit.paper.batch-merged':
    'Batch {batch} of “{vote}”: both entries of its {ballots} papers agree; counted into the box',
  'audit.paper.batch-merged.resumed': ' (completed after a host restart)',
  'audit.paper.none': 'none',
  'audit.duty.entry-joined':
    'Staff recorded that deputy {name} of “{meeting}” and deputy {toName} of “{toMeeting}” are the same person (duty record)',
  'audit.duty.entry-separated':
    'Staff listed deputy {name} of “{meeting}” as a person of their own (duty record)',
  'audit.duty.matches-confirmed':
    'Staff confirmed the matching of {n} deputies across meetings (duty record): {names}',
  'audit.duty.points-rule-set':
    'Staff set the points rule of the duty record: present {present}, on leave {leave}, absent {absent}',
  'audit.duty.points-rule-cleared': 'Staff removed the points rule of the duty record',
  'audit.more': ' and {n} more',
  'audit.list.separator': ', ',
}
