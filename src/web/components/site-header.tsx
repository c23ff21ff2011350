import { Link } from "react-router";
import { AccountMenu } from "./account-menu";
import { SiteNav } from "./site-nav";

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="site-header__bar">
        <Link to="/" className="site-header__brand">
          <span className="site-header__logo" aria-hidden="true">
            MT1
          </span>
          <span>MT1 Certification</span>
        </Link>
        <AccountMenu />
      </div>
      <SiteNav />
    </header>
  );
}
