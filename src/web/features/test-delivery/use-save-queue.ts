// One SaveQueue per attempt for the life of the test screen, its state for React, and the
// connection events that make it try again.
import { useEffect, useState, useSyncExternalStore } from "react";
import { deliveryApi } from "./delivery-api";
import { localStore, storageKeys } from "./local-store";
import { SaveQueue, type QueueEntry } from "./save-queue";

function sender(attemptId: string) {
  return async (entry: QueueEntry) => {
    if (entry.kind === "response") await deliveryApi.saveResponse(attemptId, entry.itemId, entry.response, entry.seq);
    else await deliveryApi.saveFlags(attemptId, entry.itemIds);
  };
}

export function useSaveQueue(attemptId: string) {
  const [queue] = useState(() => new SaveQueue({ store: localStore(), storageKey: storageKeys.saveQueue(attemptId), send: sender(attemptId) }));
  const snapshot = useSyncExternalStore(
    (listener) => queue.subscribe(listener),
    () => queue.snapshot(),
  );

  useEffect(() => {
    // Whatever a previous visit left in the queue goes out now; and again whenever the network returns.
    const retry = () => queue.retryNow();
    window.addEventListener("online", retry);
    retry();
    return () => {
      window.removeEventListener("online", retry);
      queue.stop();
    };
  }, [queue]);

  return { queue, snapshot };
}

/** The browser's own idea of being online (Playwright's setOffline and unplugged cables flip it). */
export function useBrowserOnline(): boolean {
  return useSyncExternalStore(
    (listener) => {
      window.addEventListener("online", listener);
      window.addEventListener("offline", listener);
      return () => {
        window.removeEventListener("online", listener);
        window.removeEventListener("offline", listener);
      };
    },
    () => navigator.onLine,
  );
}
