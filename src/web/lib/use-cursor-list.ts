import { useInfiniteQuery } from "@tanstack/react-query";
import { api } from "../api/client";
import type { Page } from "../api/types";

type Params = Record<string, string | number | undefined>;

// A cursor-paginated list ({items, nextCursor}) as one infinite query; `items` is every page so far.
export function useCursorList<T>(key: readonly unknown[], path: string, params: Params = {}, pageSize = 50) {
  const query = useInfiniteQuery({
    queryKey: [...key, params],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<T>>(path, { ...params, limit: pageSize, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  return { query, items };
}
