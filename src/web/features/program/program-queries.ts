import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { ProgramView as Program } from "../../../common/schemas/program";

// The program definition changes rarely: cache it for the whole visit.
export function useProgram() {
  return useQuery({
    queryKey: ["program"],
    queryFn: ({ signal }) => api.get<Program>("/api/v1/program", undefined, signal),
    staleTime: Infinity,
  });
}
