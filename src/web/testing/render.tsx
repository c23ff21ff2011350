// Rendering a component into jsdom for the web unit tests, with React's act() so effects and state
// updates have run before the test looks. (No testing library is installed; this is all they need.)
import { act, type ReactNode } from "react";
import { createRoot, type Root } from "react-dom/client";

// Tells React this environment runs act(), so it does not warn about updates outside it.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Rendered {
  container: HTMLElement;
  rerender: (ui: ReactNode) => void;
  unmount: () => void;
}

export function render(ui: ReactNode): Rendered {
  const container = document.createElement("div");
  document.body.appendChild(container);
  let root: Root | null = null;
  act(() => {
    root = createRoot(container);
    root.render(ui);
  });
  return {
    container,
    rerender: (next) => act(() => root!.render(next)),
    unmount: () => {
      act(() => root!.unmount());
      container.remove();
    },
  };
}

export function click(element: Element | null | undefined): void {
  if (!element) throw new Error("Nothing to click");
  act(() => (element as HTMLElement).click());
}

/** The button whose text is exactly this (ignoring the visually hidden parts' spacing). */
export function buttonNamed(container: HTMLElement, name: string | RegExp): HTMLButtonElement | undefined {
  return [...container.querySelectorAll("button")].find((b) => (typeof name === "string" ? b.textContent?.trim() === name : name.test(b.textContent ?? "")));
}
