import { Stack, Text } from '@mantine/core'
import type { MotionText } from '../../../shared/protocol/motion.schema'

/** What a 决议表决 asks about: the motion's own title, its 文号 and summary, as staff typed them. */
export function MotionSubject({ motion }: { motion: MotionText }) {
  return (
    <Stack gap={6} mb="sm" data-testid="motion-subject">
      <Text fz="xl" fw={700} lh={1.4} data-testid="motion-title">
        {motion.title}
      </Text>
      {motion.docNumber && (
        <Text fz="lg" fw={500} data-testid="motion-doc-number">
          {motion.docNumber}
        </Text>
      )}
      {motion.summary && (
        <Text fz="lg" lh={1.6} style={{ whiteSpace: 'pre-wrap' }} data-testid="motion-summary">
          {motion.summary}
        </Text>
      )}
    </Stack>
  )
}
