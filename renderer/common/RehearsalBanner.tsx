import { Box, Text } from '@mantine/core'
import type { CSSProperties } from 'react'

/**
 * The 演练 banner of a rehearsal's pages: white on dark red (5.6:1), the word first so it reads
 * at a glance, and said in words, never by colour alone.
 */
export function RehearsalBanner({
  text,
  fz = 'lg',
  style,
}: {
  text: string
  /** Mantine size or a CSS length (the screen passes its own units). */
  fz?: string
  style?: CSSProperties
}) {
  return (
    <Box
      role="note"
      bg="#c92a2a"
      px="md"
      py={6}
      data-testid="rehearsal-banner"
      style={{
        // Yellow edges: a rehearsal looks unlike any red alert of a real meeting.
        borderLeft: '12px solid #ffd43b',
        borderRight: '12px solid #ffd43b',
        ...style,
      }}
    >
      <Text c="white" fw={800} fz={fz} ta="center" lh={1.3}>
        {text}
      </Text>
    </Box>
  )
}
