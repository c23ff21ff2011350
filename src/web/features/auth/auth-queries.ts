// The logged-in user comes from GET /api/v1/me (401 means logged out); login, register and
// logout update that one cached value so every component sees the change at once.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, api, setCsrfToken } from "../../api/client";
import type { Role } from "../../../common/roles";
import type { UserView as User } from "../../../common/schemas/accounts";
import type { LoginBody, MeView, RegisterBody, SessionView } from "../../../common/schemas/accounts";

export const meKey = ["me"] as const;

async function fetchMe(): Promise<User | null> {
  try {
    const data = await api.get<MeView>("/api/v1/me");
    setCsrfToken(data.csrfToken ?? null);
    return data.user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}

export function hasRole(user: User | null | undefined, role: Role): boolean {
  return !!user && user.roles.includes(role);
}

function useAuthMutation<TInput>(path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TInput) => api.post<SessionView>(path, input),
    onSuccess: (data) => {
      setCsrfToken(data.csrfToken);
      // Everything cached under the previous identity is stale now.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
      queryClient.setQueryData(meKey, data.user);
    },
  });
}

export function useLogin() {
  return useAuthMutation<LoginBody>("/api/v1/auth/login");
}

export function useRegister() {
  return useAuthMutation<RegisterBody>("/api/v1/auth/register");
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>("/api/v1/auth/logout"),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
      queryClient.setQueryData(meKey, null);
    },
  });
}
