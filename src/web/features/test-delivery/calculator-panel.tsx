// The on-screen calculator (modules that allow one): a panel beside the question, not a modal, so
// the question stays in reach. Every key is a button; with focus in the panel the keyboard works
// too (digits, + - * / . % Enter or =, Backspace, Delete or C to clear, R for √, N for ±; Escape
// closes it). Results are announced politely. The logic lives in calculator-engine.ts.
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from "react";
import { initialCalc, keyFromKeyboard, pendingExpression, press, type CalcKey } from "./calculator-engine";

export interface CalculatorHandle {
  focus(): void;
}

const KEYS: { label: string; name: string; key: CalcKey; wide?: boolean; kind?: "op" | "fn" | "eq" }[] = [
  { label: "C", name: "Clear", key: { type: "clear" }, kind: "fn" },
  { label: "⌫", name: "Backspace", key: { type: "backspace" }, kind: "fn" },
  { label: "√", name: "Square root", key: { type: "sqrt" }, kind: "fn" },
  { label: "%", name: "Percent", key: { type: "percent" }, kind: "fn" },
  ...["7", "8", "9"].map((d) => ({ label: d, name: d, key: { type: "digit", digit: d } as CalcKey })),
  { label: "÷", name: "Divide", key: { type: "operator", op: "/" }, kind: "op" },
  ...["4", "5", "6"].map((d) => ({ label: d, name: d, key: { type: "digit", digit: d } as CalcKey })),
  { label: "×", name: "Multiply", key: { type: "operator", op: "*" }, kind: "op" },
  ...["1", "2", "3"].map((d) => ({ label: d, name: d, key: { type: "digit", digit: d } as CalcKey })),
  { label: "−", name: "Minus", key: { type: "operator", op: "-" }, kind: "op" },
  { label: "±", name: "Change sign", key: { type: "sign" }, kind: "fn" },
  { label: "0", name: "0", key: { type: "digit", digit: "0" } },
  { label: ".", name: "Decimal point", key: { type: "decimal" } },
  { label: "+", name: "Plus", key: { type: "operator", op: "+" }, kind: "op" },
  { label: "=", name: "Equals", key: { type: "equals" }, kind: "eq", wide: true },
];

const ANNOUNCED = new Set<CalcKey["type"]>(["equals", "sqrt", "percent"]);

export const CalculatorPanel = forwardRef<CalculatorHandle, { onClose: () => void }>(function CalculatorPanel({ onClose }, ref) {
  const [state, setState] = useState(initialCalc);
  const [announcement, setAnnouncement] = useState("");
  const display = useRef<HTMLInputElement>(null);
  const panel = useRef<HTMLElement>(null);

  useImperativeHandle(ref, () => ({ focus: () => display.current?.focus() }));

  function pressKey(key: CalcKey) {
    const next = press(state, key);
    setState(next);
    if (next.error) setAnnouncement(next.error);
    else if (ANNOUNCED.has(key.type)) setAnnouncement((a) => (a === `Result: ${next.display}` ? `Result: ${next.display}\u00a0` : `Result: ${next.display}`));
    else if (key.type === "clear") setAnnouncement("Cleared");
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === "Escape") {
      event.preventDefault();
      onClose();
      return;
    }
    // Enter or Space on a calculator button presses that button, as on any button.
    const onButton = event.target instanceof HTMLButtonElement;
    if ((event.key === "Enter" || event.key === " ") && onButton) return;
    const key = event.key === "Enter" ? ({ type: "equals" } as const) : keyFromKeyboard(event.key);
    if (!key) return;
    event.preventDefault();
    pressKey(key);
  }

  // One listener on the panel for the keys typed anywhere in it (the buttons keep their own Enter
  // and Space); it always calls the latest onKeyDown, which sees the current state.
  const latest = useRef(onKeyDown);
  useEffect(() => {
    latest.current = onKeyDown;
  });
  useEffect(() => {
    const element = panel.current;
    if (!element) return;
    const listener = (event: KeyboardEvent) => latest.current(event);
    element.addEventListener("keydown", listener);
    return () => element.removeEventListener("keydown", listener);
  }, []);

  const expression = pendingExpression(state);
  return (
    <section className="calculator" aria-labelledby="calculator-title" ref={panel}>
      <div className="calculator__head">
        <h2 id="calculator-title" className="calculator__title">
          Calculator
        </h2>
        <button type="button" className="button button--secondary button--small" onClick={onClose}>
          Close<span className="visually-hidden"> calculator</span>
        </button>
      </div>
      <p className="calculator__expression" aria-hidden={expression ? undefined : true}>
        {expression || "\u00a0"}
      </p>
      <input
        ref={display}
        className="calculator__display"
        type="text"
        readOnly
        value={state.display}
        aria-label="Calculator display"
        aria-describedby="calculator-keys-help"
        data-allow-copy
      />
      <p id="calculator-keys-help" className="calculator__help">
        Type numbers and + − * / here; Enter for equals, Backspace to erase, Delete to clear, Escape to close.
      </p>
      <div className="calculator__keys">
        {KEYS.map((k) => (
          <button
            key={k.name}
            type="button"
            className={`calc-key${k.kind ? ` calc-key--${k.kind}` : ""}${k.wide ? " calc-key--wide" : ""}`}
            aria-label={k.name === k.label ? undefined : k.name}
            onClick={() => pressKey(k.key)}
          >
            {k.label}
          </button>
        ))}
      </div>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </section>
  );
});
