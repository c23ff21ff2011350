import { useEffect, useRef, type ReactNode } from "react";
import { useLocation } from "react-router";

export const SITE_NAME = "MT1 Certification";

interface Props {
  title: string;
  /** Visible heading when it should differ from the document title. */
  heading?: ReactNode;
  lead?: ReactNode;
  wide?: boolean;
  /** Show the heading and lead as a hero banner, with an eyebrow line and call-to-action links. */
  hero?: { eyebrow?: ReactNode; actions?: ReactNode };
  children?: ReactNode;
}

// Every route renders one Page: it owns the single h1, sets document.title and, after an in-app
// navigation, moves focus to the h1 so screen-reader users hear where they have arrived.
export function Page({ title, heading, lead, wide, hero, children }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  // The first location of a page load has the key "default": leave focus where the browser put it.
  const isInitialLoad = location.key === "default";

  useEffect(() => {
    document.title = title === SITE_NAME ? SITE_NAME : `${title} · ${SITE_NAME}`;
  }, [title]);

  useEffect(() => {
    if (!isInitialLoad) headingRef.current?.focus({ preventScroll: false });
    // Only on arrival: re-rendering the same page must not steal focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const h1 = (
    <h1 ref={headingRef} tabIndex={-1} className="page__title">
      {heading ?? title}
    </h1>
  );

  if (hero) {
    return (
      <div className="page page--wide">
        <div className="hero">
          {hero.eyebrow ? <p className="hero__eyebrow">{hero.eyebrow}</p> : null}
          {h1}
          {lead ? <p>{lead}</p> : null}
          {hero.actions ? <div className="button-row">{hero.actions}</div> : null}
        </div>
        {children}
      </div>
    );
  }

  return (
    <div className={wide ? "page page--wide" : "page"}>
      {h1}
      {lead ? <p className="page__lead">{lead}</p> : null}
      {children}
    </div>
  );
}
