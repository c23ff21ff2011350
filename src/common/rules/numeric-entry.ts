// What a numeric entry accepts: a number as people type one (digits, at most one decimal point, an
// optional leading minus), or nothing yet. A unit shown beside the box is not part of the answer, so
// "26%" or "3 in" is refused with a message instead of being saved and scored as a silent zero.

const NUMBER_IN_PROGRESS = /^-?\d*\.?\d*$/
const COMPLETE_NUMBER = /^-?(\d+\.?\d*|\.\d+)$/

/** True for text a numeric entry may hold while the candidate types ("", "-", "3.", ".5", "12.25"). */
export const isNumericInput = (text: string): boolean => NUMBER_IN_PROGRESS.test(text.trim())

/** True for a finished number ("3", "3.", ".5", "-12.25"); a saved numeric answer must be one, or empty. */
export const isCompleteNumber = (text: string): boolean => COMPLETE_NUMBER.test(text.trim())

/** Why a numeric entry refuses a text, in the words the test screen shows. */
export const NUMERIC_ENTRY_MESSAGE = 'Type numbers only: digits, one decimal point and, if needed, a minus sign. A unit shown beside the box is not part of the answer.'
