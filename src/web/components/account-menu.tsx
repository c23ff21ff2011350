import { Link, useNavigate } from "react-router";
import { useLogout, useMe } from "../features/auth/auth-queries";

// The account links in the header: Log in / Register, or the user's name, Dashboard and Log out.
export function AccountMenu() {
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();

  if (me.isPending) return <div className="account-menu" aria-hidden="true" />;

  if (!me.data) {
    return (
      <ul className="account-menu">
        <li>
          <Link to="/login" className="account-menu__link">
            Log in
          </Link>
        </li>
        <li>
          <Link to="/register" className="button button--on-dark">
            Register
          </Link>
        </li>
      </ul>
    );
  }

  return (
    <ul className="account-menu">
      <li>
        <Link to="/account" className="account-menu__link">
          <span className="visually-hidden">Account: </span>
          {me.data.firstName} {me.data.lastName}
        </Link>
      </li>
      <li>
        <Link to="/dashboard" className="account-menu__link">
          Dashboard
        </Link>
      </li>
      <li>
        <button
          type="button"
          className="button button--on-dark"
          disabled={logout.isPending}
          onClick={() => logout.mutate(undefined, { onSettled: () => void navigate("/") })}
        >
          Log out
        </button>
      </li>
    </ul>
  );
}
