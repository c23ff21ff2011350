import { describe, expect, it } from "vitest";
import { formatNumber, initialCalc, keyFromKeyboard, pendingExpression, press, type CalcState } from "./calculator-engine";

/** Types keys as on the keyboard: "12+3=" etc.; "√" square root, "±" sign, "C" clear, "⌫" backspace. */
function run(keys: string, from: CalcState = initialCalc): CalcState {
  let s = from;
  for (const ch of keys) {
    const key = ch === "√" ? { type: "sqrt" as const } : ch === "±" ? { type: "sign" as const } : ch === "⌫" ? keyFromKeyboard("Backspace") : keyFromKeyboard(ch);
    if (!key) throw new Error(`no key for ${ch}`);
    s = press(s, key);
  }
  return s;
}

describe("calculator engine", () => {
  it("does arithmetic left to right as keys are pressed", () => {
    expect(run("12+3=").display).toBe("15");
    expect(run("2+3*4=").display).toBe("20");
    expect(run("7-10=").display).toBe("-3");
    expect(run("9/4=").display).toBe("2.25");
    expect(run("1200*7.5=").display).toBe("9000");
  });

  it("hides floating-point noise", () => {
    expect(run("0.1+0.2=").display).toBe("0.3");
    expect(run("1/3=").display).toBe("0.333333333333");
    expect(formatNumber(1e20)).toBe("1e20");
  });

  it("handles percent, square root and sign", () => {
    expect(run("200+10%=").display).toBe("220");
    expect(run("50*10%=").display).toBe("5");
    expect(run("25%").display).toBe("0.25");
    expect(run("81√").display).toBe("9");
    expect(run("5±+2=").display).toBe("-3");
  });

  it("reports errors and recovers on the next key", () => {
    const s = run("5/0=");
    expect(s.error).toBe("Cannot divide by zero");
    expect(run("3", s).display).toBe("3");
    expect(run("4±√").error).toMatch(/negative/);
  });

  it("edits the entry: one decimal point, backspace, clear, digit limit", () => {
    expect(run("1..5").display).toBe("1.5");
    expect(run("123⌫").display).toBe("12");
    expect(run("1⌫").display).toBe("0");
    expect(run("12+3C").display).toBe("0");
    expect(run("1234567890123456789").display).toHaveLength(15);
  });

  it("chains operators, changes its mind, squares with =", () => {
    expect(run("2+*3=").display).toBe("6");
    expect(run("5*=").display).toBe("25");
    expect(pendingExpression(run("12*"))).toBe("12 ×");
    expect(run("3=").display).toBe("3");
  });
});
