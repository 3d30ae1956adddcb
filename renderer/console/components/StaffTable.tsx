import { Table, Text } from '@mantine/core'
import type { ReactNode } from 'react'

/** A staff list as a table, or a dimmed line saying it is empty (no header over nothing). */
export function StaffTable({
  empty,
  emptyText,
  testId,
  headers,
  children,
}: {
  empty: boolean
  emptyText: string
  testId: string
  /** The header cells (`Table.Th`). */
  headers: ReactNode
  /** The rows (`Table.Tr`). */
  children: ReactNode
}) {
  if (empty) return <Text c="dimmed">{emptyText}</Text>
  return (
    <Table striped highlightOnHover fz="sm" data-testid={testId}>
      <Table.Thead>
        <Table.Tr>{headers}</Table.Tr>
      </Table.Thead>
      <Table.Tbody>{children}</Table.Tbody>
    </Table>
  )
}
