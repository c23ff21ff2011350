import { useEffect, useId, useState } from "react";
import { NavLink, useLocation } from "react-router";

export const PRIMARY_NAV = [
  { to: "/about", label: "About MT1" },
  { to: "/modules", label: "Modules & skills" },
  { to: "/eligibility", label: "Eligibility" },
  { to: "/apply", label: "How to apply" },
  { to: "/accommodations", label: "Accommodations" },
  { to: "/centers", label: "Centers" },
  { to: "/employers", label: "For employers" },
  { to: "/handbook", label: "Handbook" },
  { to: "/learning", label: "Learning Lab" },
  { to: "/registry", label: "Verify a certificate" },
] as const;

// Primary navigation. Under ~800px the list collapses behind a disclosure button (CSS decides when the button shows).
export function SiteNav() {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const location = useLocation();

  useEffect(() => setOpen(false), [location.pathname]);

  return (
    <nav className="site-nav" aria-label="Main">
      <button
        type="button"
        className="site-nav__toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="site-nav__toggle-icon" aria-hidden="true" />
        Menu
      </button>
      <ul id={listId} className={open ? "site-nav__list site-nav__list--open" : "site-nav__list"}>
        {PRIMARY_NAV.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} className="site-nav__link">
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
