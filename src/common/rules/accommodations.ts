// Special accommodations the program allows for documented disabilities in reading, eyesight
// and/or computer operation, and what an approved set means at delivery.

export const DISABILITY_CATEGORIES = ['reading', 'eyesight', 'computer_operation'] as const
export type DisabilityCategory = (typeof DISABILITY_CATEGORIES)[number]

export const ADJUSTMENTS = [
  'extended_time_1_5x', 'extended_time_2x', 'extra_breaks', 'read_aloud', 'large_print', 'high_contrast', 'separate_room', 'reader', 'scribe',
] as const
export type Adjustment = (typeof ADJUSTMENTS)[number]

export const ADJUSTMENT_LABELS: Record<Adjustment, string> = {
  extended_time_1_5x: 'Extended time (1.5×)',
  extended_time_2x: 'Extended time (2×)',
  extra_breaks: 'Extra breaks (the clock stops)',
  read_aloud: 'Read-aloud',
  large_print: 'Large print and magnification',
  high_contrast: 'High contrast',
  separate_room: 'Separate room',
  reader: 'A reader',
  scribe: 'A scribe',
}

/** The factor applied to a module's time limit: the largest extended-time adjustment approved. */
export function timeFactor(adjustments: readonly string[]): number {
  if (adjustments.includes('extended_time_2x')) return 2
  if (adjustments.includes('extended_time_1_5x')) return 1.5
  return 1
}

/** The time a candidate gets for a module, in minutes. */
export function accommodatedMinutes(timeLimitMinutes: number, adjustments: readonly string[]): number {
  return timeLimitMinutes * timeFactor(adjustments)
}
