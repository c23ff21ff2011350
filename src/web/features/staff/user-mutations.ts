import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { CreateUserBody, UpdateUserBody, UserEnvelope } from "../../../common/schemas/accounts";
import { staffKeys } from "./staff-keys";

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: UpdateUserBody & { id: string }) =>
      api.patch<UserEnvelope>(`/api/v1/admin/users/${encodeURIComponent(id)}`, patch),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: staffKeys.users }),
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserBody) =>
      api.post<UserEnvelope>("/api/v1/admin/users", input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: staffKeys.users }),
  });
}
