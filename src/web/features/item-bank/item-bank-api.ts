// The staff item-bank API: queries, mutations and the two raw-byte uploads (packages and figures).
import { uploadRaw } from "../../api/upload";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type {
  ChangeItemStatusBody,
  CreateItemBody,
  FigureUploadView,
  FormPreviewBody,
  FormPreviewView,
  ImportReportView,
  ItemDetailView,
  ItemPreviewBody,
  ItemPreviewView,
  UpdateItemBody,
} from "../../../common/schemas/item-bank";

export const itemKeys = {
  all: ["admin", "items"] as const,
  list: ["admin", "items", "list"] as const,
  detail: (id: string) => ["admin", "items", "detail", id] as const,
};

export const ITEMS_PATH = "/api/v1/admin/items";

export function useItem(id: string) {
  return useQuery({
    queryKey: itemKeys.detail(id),
    queryFn: ({ signal }) => api.get<ItemDetailView>(`${ITEMS_PATH}/${encodeURIComponent(id)}`, undefined, signal),
  });
}

/** Sends bytes (a figure, a package) as the raw request body. */
export function postBytes<T>(path: string, body: Blob | ArrayBuffer, contentType: string): Promise<T> {
  return uploadRaw<T>(path, body, { contentType });
}

const FIGURE_TYPES: Record<string, string> = { svg: "image/svg+xml", png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", gif: "image/gif" };

export function figureContentType(file: File): string | null {
  if (Object.values(FIGURE_TYPES).includes(file.type)) return file.type;
  const ext = file.name.split(".").pop()?.toLowerCase() ?? "";
  return FIGURE_TYPES[ext] ?? null;
}

export function uploadFigure(file: Blob, fileName: string, contentType: string) {
  return postBytes<FigureUploadView>(`/api/v1/admin/item-figures?fileName=${encodeURIComponent(fileName)}`, file, contentType);
}

export function useImportPackage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => postBytes<ImportReportView>(`${ITEMS_PATH}/import`, file, "application/zip"),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: itemKeys.all }),
  });
}

/** The editor's values: the update body, with the pool and the figures always given. */
export type SaveInput = UpdateItemBody & Pick<CreateItemBody, "pool"> & { assets: NonNullable<UpdateItemBody["assets"]> };

export function useCreateItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveInput) =>
      api.post<ItemDetailView>(ITEMS_PATH, {
        qtiXml: input.qtiXml,
        pool: input.pool,
        ...(input.skill ? { skill: input.skill } : {}),
        assets: input.assets,
      } satisfies CreateItemBody),
    onSuccess: (item) => {
      queryClient.setQueryData(itemKeys.detail(item.id), item);
      void queryClient.invalidateQueries({ queryKey: itemKeys.list });
    },
  });
}

export function useUpdateItem(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveInput) =>
      api.put<ItemDetailView>(`${ITEMS_PATH}/${encodeURIComponent(id)}`, {
        qtiXml: input.qtiXml,
        pool: input.pool,
        ...(input.skill ? { skill: input.skill } : {}),
        assets: input.assets,
        ...(input.note?.trim() ? { note: input.note.trim() } : {}),
      } satisfies UpdateItemBody),
    onSuccess: (item) => {
      queryClient.setQueryData(itemKeys.detail(item.id), item);
      void queryClient.invalidateQueries({ queryKey: itemKeys.list });
    },
  });
}

export function useChangeStatus(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChangeItemStatusBody) =>
      api.post<ItemDetailView>(`${ITEMS_PATH}/${encodeURIComponent(id)}/status`, input),
    onSuccess: (item) => {
      queryClient.setQueryData(itemKeys.detail(item.id), item);
      void queryClient.invalidateQueries({ queryKey: itemKeys.list });
    },
  });
}

/** The live preview: the server parses the XML as it would store it (nothing is saved). */
export function useItemPreview(qtiXml: string, assets: Record<string, string>) {
  const enabled = qtiXml.trim().length >= 20;
  return useQuery({
    queryKey: ["admin", "items", "preview", qtiXml, assets],
    queryFn: () => api.post<ItemPreviewView>(`${ITEMS_PATH}/preview`, { qtiXml, assets } satisfies ItemPreviewBody),
    enabled,
    retry: false,
    staleTime: Infinity,
    gcTime: 60_000,
    placeholderData: (previous) => previous,
  });
}

export function useFormPreview() {
  return useMutation({
    mutationFn: (input: FormPreviewBody) => api.post<FormPreviewView>("/api/v1/admin/forms/preview", input),
  });
}
