import { Button, Group, Modal, Text } from '@mantine/core'
import type { ButtonProps } from '@mantine/core'
import type { ReactNode } from 'react'
import { useState } from 'react'
import { useI18n } from './i18n'

interface Props extends ButtonProps {
  /** What will happen, naming what it happens to: a sentence, or a few blocks. */
  confirm: ReactNode
  onConfirm: () => void
  label: string
  /** The dialog's confirming button: 确定 unless told (e.g. 仍然开启 when it needs thought). */
  confirmLabel?: string
  /** Its colour: the button's own, else red. */
  confirmColor?: string
}

/** A button for an action that cannot be undone: it asks first. */
export function ConfirmButton({
  confirm,
  onConfirm,
  label,
  confirmLabel,
  confirmColor,
  ...button
}: Props) {
  const [open, setOpen] = useState(false)
  const { t } = useI18n()
  return (
    <>
      <Button {...button} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={label} centered>
        {typeof confirm === 'string' ? <Text mb="lg">{confirm}</Text> : confirm}
        <Group justify="flex-end" mt={typeof confirm === 'string' ? 0 : 'lg'}>
          <Button variant="default" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </Button>
          <Button
            color={confirmColor ?? button.color ?? 'red'}
            data-testid="confirm-dialog-ok"
            onClick={() => {
              setOpen(false)
              onConfirm()
            }}
          >
            {confirmLabel ?? t('common.confirm')}
          </Button>
        </Group>
      </Modal>
    </>
  )
}
