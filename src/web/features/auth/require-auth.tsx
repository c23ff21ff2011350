import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import type { Role } from "../../../common/roles";
import { Loading, QueryError } from "../../components/query-status";
import { NotAllowed } from "../../components/not-allowed";
import { hasRole, useMe } from "./auth-queries";

interface Props {
  requiredRole?: Role;
  children: ReactNode;
}

// Guards a page: logged-out visitors go to /login?next=..., users without the role see a polite refusal.
export function RequireAuth({ requiredRole, children }: Props) {
  const me = useMe();
  const location = useLocation();

  if (me.isPending) return <Loading label="Checking your sign-in…" />;
  if (me.isError) return <QueryError error={me.error} />;
  if (!me.data) {
    const next = location.pathname + location.search;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (requiredRole && !hasRole(me.data, requiredRole)) return <NotAllowed />;
  return <>{children}</>;
}
