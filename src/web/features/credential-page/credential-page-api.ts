import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { PublicCredentialView } from "../../../common/schemas/credentials";

export const credentialPageKeys = { page: (number: string) => ["public-credential", number] as const };

/** A certificate's public page, read live (a revocation shows on the next load). */
export function usePublicCredential(number: string) {
  return useQuery({
    queryKey: credentialPageKeys.page(number),
    queryFn: ({ signal }) => api.get<PublicCredentialView>(`/api/v1/public-credentials/${encodeURIComponent(number)}`, undefined, signal),
    retry: false,
  });
}
