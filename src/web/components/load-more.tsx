interface Props {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  onLoadMore: () => void;
}

export function LoadMore({ hasNextPage, isFetchingNextPage, onLoadMore }: Props) {
  if (!hasNextPage) return null;
  return (
    <p className="load-more">
      <button type="button" className="button button--secondary" onClick={onLoadMore} disabled={isFetchingNextPage}>
        {isFetchingNextPage ? "Loading more…" : "Load more"}
      </button>
    </p>
  );
}
