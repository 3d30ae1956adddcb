import { Button, Group, Modal, Text } from '@mantine/core'
import type { ButtonProps } from '@mantine/core'
import { useState } from 'react'
import { useI18n } from './i18n'

interface Props extends ButtonProps {
  confirm: string
  onConfirm: () => void
  label: string
}

/** A button for an action that cannot be undone: it asks first. */
export function ConfirmButton({ confirm, onConfirm, label, ...button }: Props) {
  const [open, setOpen] = useState(false)
  const { t } = useI18n()
  return (
    <>
      <Button {...button} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={label} centered>
        <Text mb="lg">{confirm}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </Button>
          <Button
            color={button.color ?? 'red'}
            onClick={() => {
              setOpen(false)
              onConfirm()
            }}
          >
            {t('common.confirm')}
          </Button>
        </Group>
      </Modal>
    </>
  )
}
