// A whole-screen message (paused, finished, re-admission, loading problems): its own main landmark
// and h1, which takes focus when it appears so a screen reader says what happened.
import { useEffect, useRef, type ReactNode } from "react";
import { SITE_NAME } from "../../components/page";

interface Props {
  title: string;
  testId?: string;
  tone?: "info" | "warning" | "done";
  children?: ReactNode;
}

export function StatusScreen({ title, testId, tone = "info", children }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${SITE_NAME}`;
    heading.current?.focus();
  }, [title]);
  return (
    <main className={`status-screen status-screen--${tone}`} data-testid={testId}>
      <div className="status-screen__card">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {children}
      </div>
    </main>
  );
}
