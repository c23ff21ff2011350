// Query keys and hooks for the Learning Lab's lessons; the types are the static types of
// src/common/schemas/learning.ts.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { LearningCatalogueView, LessonCompletionView, LessonView } from "../../../common/schemas/learning";

export const learningKeys = {
  catalogue: ["learning", "catalogue"] as const,
  lesson: (id: string) => ["learning", "lesson", id] as const,
};

/** Where each skill's practice lives (the practice pages are the lab-practice stream's). */
export const practiceUrl = (skill: string) => `/learning/practice/${encodeURIComponent(skill)}`;
/** Practice of one lesson section: the skill's practice, told which section to start from. */
export const sectionPracticeUrl = (skill: string, lessonId: string, sectionId: string) =>
  `${practiceUrl(skill)}?lesson=${encodeURIComponent(lessonId)}&section=${encodeURIComponent(sectionId)}`;
export const lessonUrl = (id: string, sectionId?: string) => `/learning/lessons/${encodeURIComponent(id)}${sectionId ? `#${sectionId}` : ""}`;
export const skillUrl = (skill: string) => `/learning/skills/${encodeURIComponent(skill)}`;

/** The modules, skills and lessons; with the signed-in reader's progress (the key changes with the session's queries). */
export function useLearningCatalogue() {
  return useQuery({
    queryKey: learningKeys.catalogue,
    queryFn: ({ signal }) => api.get<LearningCatalogueView>("/api/v1/learning/skills", undefined, signal),
  });
}

/**
 * One lesson. Every GET is recorded as a read (an xAPI statement), so the lesson is fetched once
 * per visit: not again when the window regains focus or the query is reused.
 */
export function useLesson(id: string, enabled: boolean) {
  return useQuery({
    queryKey: learningKeys.lesson(id),
    queryFn: ({ signal }) => api.get<LessonView>(`/api/v1/learning/lessons/${encodeURIComponent(id)}`, undefined, signal),
    enabled,
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: false,
  });
}

/** "I have finished this lesson": recorded once; the lesson and the catalogue show the tick. */
export function useCompleteLesson(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<LessonCompletionView>(`/api/v1/learning/lessons/${encodeURIComponent(id)}/completion`),
    onSuccess: (done) => {
      queryClient.setQueryData<LessonView>(learningKeys.lesson(id), (lesson) => (lesson ? { ...lesson, completedAt: done.completedAt } : lesson));
      void queryClient.invalidateQueries({ queryKey: learningKeys.catalogue });
    },
  });
}
