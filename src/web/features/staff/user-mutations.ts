import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { Role, User } from "../../api/types";
import { staffKeys } from "./staff-keys";

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: { id: string; roles?: Role[]; status?: User["status"] }) =>
      api.patch<{ user: User }>(`/api/v1/admin/users/${encodeURIComponent(id)}`, patch),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: staffKeys.users }),
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; firstName: string; lastName: string; roles: Role[] }) =>
      api.post<{ user: User }>("/api/v1/admin/users", input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: staffKeys.users }),
  });
}
