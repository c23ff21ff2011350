import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { CentersPage } from "../../../common/schemas/centers";
import type { PublicSessionsPage } from "../../../common/schemas/scheduling";

export function useCenters() {
  return useQuery({
    queryKey: ["centers"],
    queryFn: ({ signal }) => api.get<CentersPage>("/api/v1/centers", undefined, signal),
  });
}

/** Sessions from now on (the list is public), in a state and city when given (the session finder). */
export function useUpcomingSessions(place: { state?: string; city?: string; module?: string } = {}) {
  const filter = { ...(place.state ? { state: place.state } : {}), ...(place.city ? { city: place.city } : {}), ...(place.module ? { module: place.module } : {}) };
  return useQuery({
    queryKey: ["sessions", "upcoming", filter],
    queryFn: ({ signal }) =>
      api.get<PublicSessionsPage>("/api/v1/sessions", { from: new Date().toISOString(), limit: 100, ...filter }, signal),
  });
}
