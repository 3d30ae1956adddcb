import type { Announcement } from '../../../shared/hall/announcement'
import { meetingLabels } from './report-labels'
import { loadDocx, packDocx, para } from './office-docx'

/**
 * The chair's announcement (宣布稿) as Word: the heading, then each paragraph in 三号 仿宋, large
 * enough to read aloud from the rostrum; the office may edit the wording before the meeting.
 */
export async function renderAnnouncementDocx(
  a: Announcement,
  about: { meetingTitle: string; rehearsal: boolean },
): Promise<Buffer> {
  await loadDocx()
  const mark = about.rehearsal ? meetingLabels.rehearsalMark : ''
  const [salutation = '', ...rest] = a.paragraphs
  const children = [
    para(mark + a.heading, { pt: 22, font: '宋体', bold: true, align: 'center', after: 360 }),
    para(salutation, { pt: 16 }),
    ...rest.map((p, i) =>
      para(p, { pt: 16, indent: true, ...(i === rest.length - 1 ? { after: 0 } : {}) }),
    ),
  ]
  return packDocx({ title: mark + a.heading, subject: about.meetingTitle }, children)
}
