import { Button, Group, Table } from '@mantine/core'
import type { MantineColor } from '@mantine/core'
import type { ReactNode } from 'react'

/** The last cell of a staff table's row: its actions side by side, never wrapped. */
export function RowActions({ children }: { children: ReactNode }) {
  return (
    <Table.Td>
      <Group gap={4} wrap="nowrap">
        {children}
      </Group>
    </Table.Td>
  )
}

/** One quiet action in a row; with `href` it is a download link that looks the same. */
export function RowButton({
  color = 'dark',
  disabled,
  title,
  onClick,
  href,
  children,
}: {
  color?: MantineColor
  disabled?: boolean
  title?: string
  onClick?: () => void
  href?: string
  children: ReactNode
}) {
  if (href !== undefined) {
    return (
      <Button size="compact-sm" variant="subtle" color={color} component="a" href={href} download>
        {children}
      </Button>
    )
  }
  return (
    <Button
      size="compact-sm"
      variant="subtle"
      color={color}
      disabled={disabled}
      title={title}
      onClick={onClick}
    >
      {children}
    </Button>
  )
}
