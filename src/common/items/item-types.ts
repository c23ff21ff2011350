// The kinds of item the bank holds and the lifecycle of an item.

export const ITEM_TYPES = [
  'single_choice', 'multiple_response', 'numeric', 'text_entry', 'ordering', 'hotspot', 'inline_choice', 'matching',
  'gap_match', 'associate', 'select_point', 'extended_text', 'composite',
] as const
export type ItemType = (typeof ITEM_TYPES)[number]

export const ITEM_TYPE_LABELS: Record<ItemType, string> = {
  single_choice: 'Single choice',
  multiple_response: 'Multiple response',
  numeric: 'Numeric entry',
  text_entry: 'Text entry',
  ordering: 'Ordering',
  hotspot: 'Hotspot',
  inline_choice: 'Inline choice',
  matching: 'Matching',
  gap_match: 'Gap match',
  associate: 'Associate',
  select_point: 'Select point',
  extended_text: 'Extended text (scored by a person)',
  composite: 'Several interactions',
}

export const ITEM_STATUSES = ['draft', 'in_review', 'active', 'retired'] as const
export type ItemStatus = (typeof ITEM_STATUSES)[number]

export const ITEM_POOLS = ['operational', 'practice'] as const
export type ItemPool = (typeof ITEM_POOLS)[number]

/**
 * Allowed status changes: an item is written, reviewed, used, then retired (and may be revived as a
 * draft). An active item whose statistics flag it goes back to review (issue 15): off the forms until
 * someone approves it again.
 */
export const STATUS_TRANSITIONS: Record<ItemStatus, readonly ItemStatus[]> = {
  draft: ['in_review', 'retired'],
  in_review: ['active', 'draft', 'retired'],
  active: ['in_review', 'retired'],
  retired: ['draft'],
}

export const canTransition = (from: ItemStatus, to: ItemStatus): boolean => STATUS_TRANSITIONS[from].includes(to)
