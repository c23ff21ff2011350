import type { ReactNode } from "react";

// Form-level error: role="alert" so it is announced as soon as it appears.
export function FormAlert({ children }: { children?: ReactNode }) {
  if (!children) return null;
  return (
    <div className="notice notice--error" role="alert">
      {children}
    </div>
  );
}

// Success or progress message. The live region is always rendered, so a message that appears in it is announced.
export function StatusMessage({ children }: { children?: ReactNode }) {
  return (
    <div role="status" className={children ? "notice notice--success" : "visually-hidden"}>
      {children}
    </div>
  );
}
