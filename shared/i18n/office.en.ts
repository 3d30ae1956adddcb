import type { officeZhCN } from './office.zh-CN'

/** English: scrutineers, the chair's announcement, the office's documents (issue 24). */
export const officeEn: Record<keyof typeof officeZhCN, string> = {
  'office.nav.scrutineers': 'Scrutineers',
  'office.nav.scrutineers.hint': 'Chief scrutineer, scrutineers, tellers',
  'office.scrutineers.intro':
    'Record the chief scrutineer, the scrutineers and the tellers before the meeting, then record the meeting’s approval. Their names print on the result report’s signature lines.',
  'office.scrutineers.role.chief': 'Chief scrutineer',
  'office.scrutineers.role.scrutineer': 'Scrutineer',
  'office.scrutineers.role.teller': 'Teller',
  'office.scrutineers.col.role': 'Role',
  'office.scrutineers.col.name': 'Name',
  'office.scrutineers.col.delegation': 'Delegation or office',
  'office.scrutineers.add': 'Add a person',
  'office.scrutineers.remove': 'Remove row {row}',
  'office.scrutineers.save': 'Save the list',
  'office.scrutineers.approve': 'Approved by the meeting',
  'office.scrutineers.approved': 'Approved by the meeting ({time})',
  'office.scrutineers.pending': 'Awaiting the meeting’s approval',
  'office.scrutineers.empty': 'No scrutineers recorded yet',
  'office.scrutineers.unsaved': 'Unsaved changes',
  'office.scrutineers.needName': 'Row {row}: enter a name',
  'office.scrutineers.duplicate': 'Row {row}: {name} repeats row {first}',
  'office.scrutineers.needRoles':
    'Before approval the list needs a chief scrutineer and a scrutineer at least',
  'office.scrutineers.editUnapproves':
    'The meeting approved this list: once you save a change, it must approve it again.',
  'office.scrutineers.reason': 'Reason for the change',
  'office.scrutineers.reason.hint':
    'A vote has opened: changing the approved list needs a reason, which the audit log keeps',
  'office.scrutineers.confirm.title': 'Record the meeting’s approval of the scrutineers',
  'office.scrutineers.confirm.body':
    'Confirm the meeting approved these scrutineers: {names}. This goes into the audit log.',
  'office.scrutineers.confirm.late':
    'Note: a vote has already opened; the approval is logged as after it.',
  'office.scrutineers.notApprovedWarning':
    'The scrutineers are not approved by the meeting yet (Preparation → Scrutineers)',
  'office.announce.title': 'Announcement',
  'office.announce.hint': 'Made from the published result, for the chair to read out',
  'office.announce.annulledHint':
    'This vote was annulled: the announcement says only that, and why',
  'office.announce.docx': 'Download the announcement (Word)',
  'archive.file.announcement.txt': 'Announcement (text)',
  'archive.file.announcement.docx': 'Announcement (Word)',
  'archive.file.report.docx': 'Result report (Word)',
  'archive.file.resolution.docx': 'Resolution draft (Word)',
  'office.ballot.download': 'Paper ballot (PDF)',
}
