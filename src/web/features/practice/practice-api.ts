// Queries and calls of the Learning Lab's practice (issue 13): practice sets, practice tests, study
// plans, mastery and progress. Shapes are src/common/schemas/practice.ts.
import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import type {
  MasteryView,
  PracticeAnswerView,
  PracticeSetView,
  PracticeTestsView,
  PracticeTestView,
  ProgressView,
  SavedPracticeResponseView,
  StartPracticeTestBody,
  StartStudyPlanBody,
  StudyPlanView,
} from "../../../common/schemas/practice";

const enc = encodeURIComponent;

export const practiceKeys = {
  all: ["learning"] as const,
  set: (id: string) => ["learning", "practice-set", id] as const,
  test: (id: string) => ["learning", "practice-test", id] as const,
  tests: ["learning", "practice-tests"] as const,
  plan: (id: string) => ["learning", "study-plan", id] as const,
  mastery: ["learning", "mastery"] as const,
  progress: ["learning", "progress"] as const,
};

/** Where each page of the practice side of the Learning Lab lives. */
export const practiceLinks = {
  practise: (skill: string) => `/learning/practice/${enc(skill)}`,
  practiceTests: (module?: string) => (module ? `/learning/practice-tests?module=${enc(module)}` : "/learning/practice-tests"),
  practiceTest: (id: string) => `/learning/practice-tests/${enc(id)}`,
  takeTest: (id: string) => `/learning/practice-tests/${enc(id)}/take`,
  plan: (id: string) => `/learning/study-plans/${enc(id)}`,
  skill: (skill: string) => `/learning/skills/${enc(skill)}`,
  progress: "/learning/progress",
};

export const practiceApi = {
  startSet: (skill: string) => api.post<PracticeSetView>("/api/v1/learning/practice-sets", { skill }),
  answer: (setId: string, itemId: string, response: unknown) =>
    api.post<PracticeAnswerView>(`/api/v1/learning/practice-sets/${enc(setId)}/items/${enc(itemId)}/answer`, { response }),
  startTest: (body: StartPracticeTestBody) => api.post<PracticeTestView>("/api/v1/learning/practice-tests", body),
  save: (testId: string, itemId: string, response: unknown) =>
    api.put<SavedPracticeResponseView>(`/api/v1/learning/practice-tests/${enc(testId)}/responses/${enc(itemId)}`, { response }),
  submit: (testId: string) => api.post<PracticeTestView>(`/api/v1/learning/practice-tests/${enc(testId)}/submit`),
  makePlan: (body: StartStudyPlanBody) => api.post<StudyPlanView>("/api/v1/learning/study-plans", body),
};

export function usePracticeSet(id: string | null) {
  return useQuery({
    queryKey: practiceKeys.set(id ?? ""),
    queryFn: ({ signal }) => api.get<PracticeSetView>(`/api/v1/learning/practice-sets/${enc(id!)}`, undefined, signal),
    enabled: !!id,
    // A set does not change behind the learner's back; answers update it in place.
    staleTime: Infinity,
  });
}

export function usePracticeTest(id: string) {
  return useQuery({
    queryKey: practiceKeys.test(id),
    queryFn: ({ signal }) => api.get<PracticeTestView>(`/api/v1/learning/practice-tests/${enc(id)}`, undefined, signal),
    staleTime: Infinity,
  });
}

export function usePracticeTests() {
  return useQuery({ queryKey: practiceKeys.tests, queryFn: ({ signal }) => api.get<PracticeTestsView>("/api/v1/learning/practice-tests", undefined, signal) });
}

export function useStudyPlan(id: string) {
  return useQuery({ queryKey: practiceKeys.plan(id), queryFn: ({ signal }) => api.get<StudyPlanView>(`/api/v1/learning/study-plans/${enc(id)}`, undefined, signal) });
}

export function useMastery() {
  return useQuery({ queryKey: practiceKeys.mastery, queryFn: ({ signal }) => api.get<MasteryView>("/api/v1/learning/mastery", undefined, signal) });
}

export function useProgress() {
  return useQuery({ queryKey: practiceKeys.progress, queryFn: ({ signal }) => api.get<ProgressView>("/api/v1/learning/progress", undefined, signal) });
}
