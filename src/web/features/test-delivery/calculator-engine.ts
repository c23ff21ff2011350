// The on-screen calculator's logic: a basic four-function calculator that evaluates left to right
// as keys are pressed (like a desk calculator, the kind candidates know), with %, √ and ±. No eval(),
// no parsing of typed expressions: each key is a small state transition. Pure, DOM-free, tested.

export type Operator = "+" | "-" | "*" | "/";

export type CalcKey =
  | { type: "digit"; digit: string }
  | { type: "decimal" }
  | { type: "operator"; op: Operator }
  | { type: "equals" }
  | { type: "sign" }
  | { type: "percent" }
  | { type: "sqrt" }
  | { type: "clear" }
  | { type: "backspace" };

export interface CalcState {
  /** What the display shows: the number being typed, or the last result. */
  display: string;
  accumulator: number | null;
  operator: Operator | null;
  /** The next digit starts a new number (after an operator, =, %, √). */
  replaceOnDigit: boolean;
  /** A second operand has been given since the operator was pressed. */
  hasOperand: boolean;
  error: string | null;
}

export const OPERATOR_SYMBOLS: Record<Operator, string> = { "+": "+", "-": "−", "*": "×", "/": "÷" };
export const OPERATOR_NAMES: Record<Operator, string> = { "+": "plus", "-": "minus", "*": "times", "/": "divided by" };

const MAX_DIGITS = 15;

export const initialCalc: CalcState = { display: "0", accumulator: null, operator: null, replaceOnDigit: false, hasOperand: false, error: null };

/** 12 significant digits (hides binary noise: 0.1 + 0.2 shows 0.3); exponent form when very large or small. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return "Error";
  const rounded = Number.parseFloat(n.toPrecision(12));
  if (rounded === 0) return "0";
  const abs = Math.abs(rounded);
  if (abs >= 1e15 || abs < 1e-6) return rounded.toExponential().replace("e+", "e");
  return String(rounded);
}

const valueOf = (s: CalcState) => Number.parseFloat(s.display);
const fail = (error: string): CalcState => ({ ...initialCalc, display: "Error", error });

function apply(a: number, op: Operator, b: number): number | string {
  switch (op) {
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return a * b;
    case "/":
      return b === 0 ? "Cannot divide by zero" : a / b;
  }
}

function result(value: number | string, rest: Partial<CalcState>): CalcState {
  if (typeof value === "string") return fail(value);
  if (!Number.isFinite(value)) return fail("The number is too large");
  return { ...initialCalc, ...rest, display: formatNumber(value), replaceOnDigit: true };
}

export function press(state: CalcState, key: CalcKey): CalcState {
  const s = state.error && key.type !== "clear" ? initialCalc : state;
  if (state.error && (key.type === "backspace" || key.type === "equals")) return initialCalc;
  switch (key.type) {
    case "clear":
      return initialCalc;
    case "digit": {
      if (!/^[0-9]$/.test(key.digit)) return s;
      if (s.replaceOnDigit || s.display === "0") return { ...s, display: key.digit, replaceOnDigit: false, hasOperand: true };
      if (s.display.replace(/[-.]/g, "").length >= MAX_DIGITS) return s;
      return { ...s, display: s.display + key.digit, hasOperand: true };
    }
    case "decimal":
      if (s.replaceOnDigit) return { ...s, display: "0.", replaceOnDigit: false, hasOperand: true };
      return s.display.includes(".") ? s : { ...s, display: `${s.display}.`, hasOperand: true };
    case "backspace": {
      if (s.replaceOnDigit) return s;
      const shorter = s.display.slice(0, -1);
      return { ...s, display: shorter === "" || shorter === "-" ? "0" : shorter };
    }
    case "sign": {
      if (s.display === "0") return s;
      const display = s.display.startsWith("-") ? s.display.slice(1) : `-${s.display}`;
      return { ...s, display, hasOperand: true };
    }
    case "percent": {
      const b = valueOf(s);
      const base = s.operator && s.accumulator !== null && (s.operator === "+" || s.operator === "-") ? s.accumulator : 1;
      return { ...result((base * b) / 100, s), hasOperand: true };
    }
    case "sqrt": {
      const b = valueOf(s);
      if (b < 0) return fail("Cannot take the square root of a negative number");
      return { ...result(Math.sqrt(b), s), hasOperand: true };
    }
    case "operator": {
      if (s.operator && s.accumulator !== null && s.hasOperand) {
        const out = result(apply(s.accumulator, s.operator, valueOf(s)), {});
        return out.error ? out : { ...out, accumulator: valueOf(out), operator: key.op, hasOperand: false };
      }
      const accumulator = s.operator && s.accumulator !== null ? s.accumulator : valueOf(s);
      return { ...s, accumulator, operator: key.op, replaceOnDigit: true, hasOperand: false };
    }
    case "equals": {
      if (!s.operator || s.accumulator === null) return { ...s, replaceOnDigit: true };
      // "5 × =" squares, as on most calculators: the missing operand is the first one.
      const b = s.hasOperand ? valueOf(s) : s.accumulator;
      return { ...result(apply(s.accumulator, s.operator, b), {}), hasOperand: true };
    }
  }
}

/** The line above the display: "12 ×" while an operator waits for its second number. */
export function pendingExpression(s: CalcState): string {
  return s.operator && s.accumulator !== null ? `${formatNumber(s.accumulator)} ${OPERATOR_SYMBOLS[s.operator]}` : "";
}

/** Keyboard keys for the calculator (when focus is inside it). Enter is handled by the caller. */
export function keyFromKeyboard(key: string): CalcKey | null {
  if (/^[0-9]$/.test(key)) return { type: "digit", digit: key };
  switch (key) {
    case ".":
    case ",":
      return { type: "decimal" };
    case "+":
      return { type: "operator", op: "+" };
    case "-":
      return { type: "operator", op: "-" };
    case "*":
    case "x":
    case "X":
      return { type: "operator", op: "*" };
    case "/":
      return { type: "operator", op: "/" };
    case "=":
      return { type: "equals" };
    case "%":
      return { type: "percent" };
    case "r":
    case "R":
      return { type: "sqrt" };
    case "n":
    case "N":
    case "F9":
      return { type: "sign" };
    case "Backspace":
      return { type: "backspace" };
    case "Delete":
    case "c":
    case "C":
      return { type: "clear" };
    default:
      return null;
  }
}
