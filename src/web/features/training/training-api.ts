// Query keys, queries and mutations of skills training (issue 13): trainers, courses, enrolment,
// sponsored seats, rosters. The types are the static types of src/common/schemas/training.ts.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { CenterList } from "../../../common/schemas/centers";
import type { VoucherBatchesPage } from "../../../common/schemas/payments";
import type {
  AttendanceBody, CompletionBody, CourseFinderQuery, CourseRosterView, CoursesPage, CourseView, CreateCourseBody, EnrolBody, EnrolmentView, ManagedCourseList, MyTrainingView,
  SponsorBody, SponsoredSeatList, SponsorshipReceipt, TrainerCertificationView, TrainerList, TrainingInvitationView,
} from "../../../common/schemas/training";

export const trainingKeys = {
  all: ["training"] as const,
  trainers: ["training", "trainers"] as const,
  finder: (q: Partial<CourseFinderQuery>) => ["training", "finder", q] as const,
  course: (id: string) => ["training", "course", id] as const,
  managed: ["training", "managed"] as const,
  taught: ["training", "taught"] as const,
  roster: (id: string) => ["training", "roster", id] as const,
  mine: ["training", "mine"] as const,
  sponsored: ["training", "sponsored"] as const,
  invitation: (token: string) => ["training", "invitation", token] as const,
  centers: (staff: boolean) => ["training", "centers", staff] as const,
  batches: ["training", "voucher-batches"] as const,
};

export const useTrainers = () =>
  useQuery({ queryKey: trainingKeys.trainers, queryFn: ({ signal }) => api.get<TrainerList>("/api/v1/admin/trainers", undefined, signal) });

export const useCourseFinder = (q: Partial<CourseFinderQuery>) =>
  useQuery({ queryKey: trainingKeys.finder(q), queryFn: ({ signal }) => api.get<CoursesPage>("/api/v1/training/courses", { ...q, limit: 200 }, signal) });

export const useCourse = (id: string) =>
  useQuery({ queryKey: trainingKeys.course(id), queryFn: ({ signal }) => api.get<CourseView>(`/api/v1/training/courses/${encodeURIComponent(id)}`, undefined, signal) });

export const useManagedCourses = () =>
  useQuery({ queryKey: trainingKeys.managed, queryFn: ({ signal }) => api.get<ManagedCourseList>("/api/v1/training/managed-courses", undefined, signal) });

export const useTaughtCourses = () =>
  useQuery({ queryKey: trainingKeys.taught, queryFn: ({ signal }) => api.get<ManagedCourseList>("/api/v1/trainer/courses", undefined, signal) });

export const useRoster = (id: string) =>
  useQuery({ queryKey: trainingKeys.roster(id), queryFn: ({ signal }) => api.get<CourseRosterView>(`/api/v1/training/courses/${encodeURIComponent(id)}/roster`, undefined, signal) });

export const useMyTraining = () =>
  useQuery({ queryKey: trainingKeys.mine, queryFn: ({ signal }) => api.get<MyTrainingView>("/api/v1/me/training", undefined, signal) });

export const useSponsoredSeats = () =>
  useQuery({ queryKey: trainingKeys.sponsored, queryFn: ({ signal }) => api.get<SponsoredSeatList>("/api/v1/training/sponsorships", undefined, signal) });

/** The employer's voucher batches (training ones pay sponsored seats). */
export const useMyVoucherBatches = (enabled: boolean) =>
  useQuery({ queryKey: trainingKeys.batches, queryFn: ({ signal }) => api.get<VoucherBatchesPage>("/api/v1/voucher-batches", { limit: 200 }, signal), enabled });

export const useInvitation = (token: string) =>
  useQuery({
    queryKey: trainingKeys.invitation(token),
    queryFn: () => api.post<TrainingInvitationView>("/api/v1/training/invitations/lookup", { token }),
    enabled: token.length > 0,
    retry: false,
  });

/** The centers a course can be held at: every certified center (staff) or those one administers. */
export const useCourseCenters = (staff: boolean) =>
  useQuery({
    queryKey: trainingKeys.centers(staff),
    queryFn: ({ signal }) => (staff ? api.get<CenterList>("/api/v1/admin/centers", { status: "certified" }, signal) : api.get<CenterList>("/api/v1/centers/mine", undefined, signal)),
  });

/** Every training mutation refreshes every training list (they are small, and one change shows in several). */
function useTrainingMutation<B, R>(fn: (body: B) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void queryClient.invalidateQueries({ queryKey: trainingKeys.all }) });
}

export const useSetTrainerCertification = (userId: string) =>
  useTrainingMutation((body: unknown) => api.put<TrainerCertificationView>(`/api/v1/admin/trainers/${encodeURIComponent(userId)}/certification`, body));
export const useRenewTrainer = (userId: string) =>
  useTrainingMutation((body: { certifiedUntil?: string }) => api.post<TrainerCertificationView>(`/api/v1/admin/trainers/${encodeURIComponent(userId)}/certification/renew`, body));
export const useCreateCourse = () => useTrainingMutation((body: CreateCourseBody) => api.post<CourseView>("/api/v1/training/courses", body));
export const useCancelCourse = (id: string) =>
  useTrainingMutation((body: { reason: string }) => api.post<CourseView>(`/api/v1/training/courses/${encodeURIComponent(id)}/cancel`, body));
export const useCompleteCourse = (id: string) => useTrainingMutation(() => api.post<CourseView>(`/api/v1/training/courses/${encodeURIComponent(id)}/complete`));
export const useEnrol = () => useTrainingMutation((body: EnrolBody) => api.post<EnrolmentView>("/api/v1/training/enrolments", body));
export const useCancelEnrolment = () =>
  useTrainingMutation((input: { id: string; reason?: string }) => api.post<EnrolmentView>(`/api/v1/training/enrolments/${encodeURIComponent(input.id)}/cancel`, input.reason ? { reason: input.reason } : {}));
export const useAcceptInvitation = () => useTrainingMutation((token: string) => api.post<EnrolmentView>("/api/v1/training/invitations/accept", { token }));
export const useSponsor = () => useTrainingMutation((body: SponsorBody) => api.post<SponsorshipReceipt>("/api/v1/training/sponsorships", body));
export const useRecordAttendance = (courseId: string, meetingId: string) =>
  useTrainingMutation((body: AttendanceBody) => api.put<CourseRosterView>(`/api/v1/training/courses/${encodeURIComponent(courseId)}/meetings/${encodeURIComponent(meetingId)}/attendance`, body));
export const useSetCompletion = () =>
  useTrainingMutation((input: { enrolmentId: string } & CompletionBody) =>
    api.put<CourseRosterView>(`/api/v1/training/enrolments/${encodeURIComponent(input.enrolmentId)}/completion`, { completed: input.completed, ...(input.note ? { note: input.note } : {}) }));
