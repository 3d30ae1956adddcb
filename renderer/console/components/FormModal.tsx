import { Alert, Button, Group, Modal, Stack } from '@mantine/core'
import type { MantineSize } from '@mantine/core'
import { useState } from 'react'
import type { ReactNode } from 'react'
import type { Result } from '../../../shared/protocol/envelope'
import { useI18n } from '../../common/i18n'

/**
 * A staff form in a modal: the fields, the host's refusal (if any) under them, then 取消 and
 * 保存. Enter submits too, but only when `canSave` — the same rule that enables 保存.
 */
export function FormModal({
  title,
  opened = true,
  size,
  onClose,
  canSave,
  busy,
  error,
  onSave,
  children,
}: {
  title: string
  opened?: boolean
  size?: MantineSize
  onClose: () => void
  canSave: boolean
  busy: boolean
  error: string | null
  onSave: () => void
  children: ReactNode
}) {
  const { t } = useI18n()
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered size={size}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (canSave) onSave()
        }}
      >
        <Stack gap="sm">
          {children}
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" disabled={!canSave} loading={busy}>
              {t('prep.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

/**
 * Runs a form's request: busy while it is out, closes the form when the host accepts, and
 * keeps the refusal (in the page's language) to show in the form when it does not.
 */
export function useFormSave(onDone: () => void) {
  const { errorText } = useI18n()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const save = async (request: () => Promise<Result<unknown>>) => {
    setBusy(true)
    const result = await request()
    setBusy(false)
    if (result.ok) onDone()
    else setError(errorText(result.error))
  }
  return { busy, error, save }
}
