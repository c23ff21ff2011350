import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { Program } from "../../api/types";

// The program definition changes rarely: cache it for the whole visit.
export function useProgram() {
  return useQuery({
    queryKey: ["program"],
    queryFn: ({ signal }) => api.get<Program>("/api/v1/program", undefined, signal),
    staleTime: Infinity,
  });
}
