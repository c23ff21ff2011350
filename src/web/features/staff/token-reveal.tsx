import { useEffect, useRef, useState } from "react";
import type { CreatedApiTokenView as CreatedApiToken } from "../../../common/schemas/accounts";

interface Props {
  created: (CreatedApiToken & { userEmail: string }) | null;
  onDismiss: () => void;
}

// The new token is shown exactly once; the live region announces it and focus moves to it.
export function TokenReveal({ created, onDismiss }: Props) {
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    setCopied("idle");
    if (created) headingRef.current?.focus();
  }, [created]);

  async function copy(token: string) {
    try {
      await navigator.clipboard.writeText(token);
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
  }

  return (
    <div role="status">
      {created ? (
        <section className="notice notice--success" aria-labelledby="new-token-heading">
          <h2 id="new-token-heading" ref={headingRef} tabIndex={-1}>
            Token “{created.name}” created for {created.userEmail}
          </h2>
          <p>Copy it now: it will not be shown again.</p>
          <code className="token-box">{created.token}</code>
          <div className="button-row">
            <button type="button" className="button" onClick={() => void copy(created.token)}>
              Copy token
            </button>
            <button type="button" className="button button--secondary" onClick={onDismiss}>
              Done
            </button>
            {copied === "copied" ? <span>Copied to the clipboard.</span> : null}
            {copied === "failed" ? <span>Copying failed: select the token and copy it by hand.</span> : null}
          </div>
        </section>
      ) : null}
    </div>
  );
}
