import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { CreateUserBody, UpdateUserBody, UserEnvelope } from "../../../common/schemas/accounts";
import { schedulingKeys } from "../registration/scheduling-api";
import { staffKeys } from "./staff-keys";

/** A new or changed account may be (or stop being) a proctor: the Proctors list and its pickers must not show a cached copy. */
const refreshPeople = (queryClient: ReturnType<typeof useQueryClient>) => {
  void queryClient.invalidateQueries({ queryKey: staffKeys.users });
  void queryClient.invalidateQueries({ queryKey: schedulingKeys.proctors });
};

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: UpdateUserBody & { id: string }) =>
      api.patch<UserEnvelope>(`/api/v1/admin/users/${encodeURIComponent(id)}`, patch),
    onSuccess: () => refreshPeople(queryClient),
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserBody) =>
      api.post<UserEnvelope>("/api/v1/admin/users", input),
    onSuccess: () => refreshPeople(queryClient),
  });
}
