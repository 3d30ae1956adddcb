import { Button, TextInput } from '@mantine/core'
import { useState } from 'react'
import { leaveReasonMax } from '../../../shared/protocol/attendance.schema'
import type { DeputyId } from '../../../shared/protocol/ids'
import { useI18n } from '../../common/i18n'
import { FormModal, useFormSave } from '../components/FormModal'
import type { LiveSend } from './use-live'

/**
 * 请假 for one deputy, with its reason (事由) if staff have one: the audit log keeps it with the
 * leave, and the deputy's record across meetings (代表履职) shows it.
 */
export function LeaveButton({
  deputyId,
  name,
  send,
}: {
  deputyId: DeputyId
  name: string
  send: LiveSend
}) {
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const close = () => {
    setOpen(false)
    setReason('')
  }
  const { busy, error, save } = useFormSave(close)
  return (
    <>
      <Button size="xs" variant="default" onClick={() => setOpen(true)}>
        {t('live.markLeave')}
      </Button>
      <FormModal
        title={t('live.leave.title', { name })}
        opened={open}
        onClose={close}
        canSave={!busy}
        busy={busy}
        error={error}
        onSave={() =>
          void save(() =>
            send('attendance:set', {
              deputyIds: [deputyId],
              state: 'leave',
              reason: reason.trim(),
            }),
          )
        }
      >
        <TextInput
          label={t('live.leave.reason')}
          description={t('live.leave.reasonHint', { max: leaveReasonMax })}
          value={reason}
          maxLength={leaveReasonMax}
          onChange={(e) => setReason(e.currentTarget.value)}
          data-testid="leave-reason"
          data-autofocus
        />
      </FormModal>
    </>
  )
}
