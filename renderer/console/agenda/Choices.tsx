import { Group, Radio, Stack } from '@mantine/core'

/** A radio group of a few labelled options, stacked or in a row. */
export function Choices<T extends string>({
  label,
  value,
  options,
  onChange,
  disabled,
  inline = false,
}: {
  label?: string
  value: T
  options: readonly { value: T; label: string }[]
  onChange: (value: T) => void
  disabled: boolean
  inline?: boolean
}) {
  const radios = options.map((o) => (
    <Radio key={o.value} value={o.value} label={o.label} disabled={disabled} />
  ))
  return (
    <Radio.Group label={label} value={value} onChange={(v) => onChange(v as T)}>
      {inline ? (
        <Group pb={8}>{radios}</Group>
      ) : (
        <Stack gap={4} mt={4}>
          {radios}
        </Stack>
      )}
    </Radio.Group>
  )
}
