import { Button, Group, Modal, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { useI18n } from './i18n'

/**
 * A controlled "are you sure" dialog, for actions chosen from a list (one dialog for the whole
 * table rather than one per row, as ConfirmButton would make).
 */
export function ConfirmDialog({
  opened,
  title,
  children,
  confirmLabel,
  color = 'red',
  onConfirm,
  onClose,
}: {
  opened: boolean
  title: string
  children: ReactNode
  confirmLabel?: string
  color?: string
  onConfirm: () => void
  onClose: () => void
}) {
  const { t } = useI18n()
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      {typeof children === 'string' ? <Text mb="lg">{children}</Text> : children}
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button
          color={color}
          onClick={() => {
            onClose()
            onConfirm()
          }}
        >
          {confirmLabel ?? t('common.confirm')}
        </Button>
      </Group>
    </Modal>
  )
}
