import type { MouseEvent } from "react";
import { Outlet, ScrollRestoration } from "react-router";
import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";

// Move focus without touching the URL, so the router does not treat the skip link as a navigation.
function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
  const main = document.getElementById("main");
  if (!main) return;
  event.preventDefault();
  main.focus();
  main.scrollIntoView();
}

export function Layout() {
  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={skipToMain}>
        Skip to main content
      </a>
      <SiteHeader />
      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
      </main>
      <SiteFooter />
      <ScrollRestoration />
    </div>
  );
}
