import { ADJUSTMENT_LABELS, ADJUSTMENTS, DISABILITY_CATEGORIES, type Adjustment, type DisabilityCategory } from "../../../common/rules/accommodations";

export { ADJUSTMENT_LABELS, ADJUSTMENTS, DISABILITY_CATEGORIES };
export type { Adjustment, DisabilityCategory };

export const CATEGORY_LABELS: Record<DisabilityCategory, string> = {
  reading: "Reading",
  eyesight: "Eyesight",
  computer_operation: "Computer operation",
};

export function adjustmentLabel(code: string): string {
  return ADJUSTMENT_LABELS[code as Adjustment] ?? code.replace(/_/g, " ");
}

export function categoryLabel(code: string): string {
  return CATEGORY_LABELS[code as DisabilityCategory] ?? code.replace(/_/g, " ");
}

export const DOCUMENT_TYPES = ["application/pdf", "image/png", "image/jpeg"];
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
