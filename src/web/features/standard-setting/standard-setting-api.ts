// Query keys, queries and mutations of modified-Angoff standard setting (issue 15, item 4). The types
// are the static types of src/common/schemas/standard-setting.ts.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type {
  AddPanelistBody, CreateStudyBody, MyStudyList, RatingView, RatingWorkspaceView, StudyList, StudyView,
} from "../../../common/schemas/standard-setting";

const base = "/api/v1/standard-setting/studies";
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const standardSettingKeys = {
  all: ["standard-setting"] as const,
  list: ["standard-setting", "list"] as const,
  mine: ["standard-setting", "mine"] as const,
  study: (id: string) => ["standard-setting", "study", id] as const,
  workspace: (id: string) => ["standard-setting", "workspace", id] as const,
};

export const useStudies = () => useQuery({ queryKey: standardSettingKeys.list, queryFn: ({ signal }) => api.get<StudyList>(base, undefined, signal) });
export const useMyStudies = () =>
  useQuery({ queryKey: standardSettingKeys.mine, queryFn: ({ signal }) => api.get<MyStudyList>("/api/v1/standard-setting/my-studies", undefined, signal) });
export const useStudy = (id: string) => useQuery({ queryKey: standardSettingKeys.study(id), queryFn: ({ signal }) => api.get<StudyView>(one(id), undefined, signal) });
export const useWorkspace = (id: string) =>
  useQuery({ queryKey: standardSettingKeys.workspace(id), queryFn: ({ signal }) => api.get<RatingWorkspaceView>(`${one(id)}/workspace`, undefined, signal) });

function useStudyMutation<B, R>(fn: (body: B) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void queryClient.invalidateQueries({ queryKey: standardSettingKeys.all }) });
}

export const useCreateStudy = () => useStudyMutation((body: CreateStudyBody) => api.post<StudyView>(base, body));
export const useAddPanelist = (id: string) => useStudyMutation((body: AddPanelistBody) => api.post<StudyView>(`${one(id)}/panelists`, body));
export const useOpenRound = (id: string) => useStudyMutation(() => api.post<StudyView>(`${one(id)}/rounds/open`));
export const useCloseRound = (id: string) => useStudyMutation(() => api.post<StudyView>(`${one(id)}/rounds/close`));
export const useDecide = (id: string) => useStudyMutation((note: string) => api.post<StudyView>(`${one(id)}/decision`, { note }));

/** One autosaved rating; the workspace is not refetched on every save (the page keeps its own copy). */
export const useSaveRating = (id: string) =>
  useMutation({
    mutationFn: (input: { round: number; itemId: string; rating: number }) =>
      api.put<RatingView>(`${one(id)}/rounds/${input.round}/ratings/${encodeURIComponent(input.itemId)}`, { rating: input.rating }),
  });
