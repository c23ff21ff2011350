// Query keys, queries and mutations of organisations (issue 14): my organisations, an organisation's
// members and invitations, invitations by emailed link, staff's list, sponsored candidates and the
// candidate's sponsors and consents. The types are the static types of src/common/schemas/organisations.ts.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type {
  AdminOrganisationList, ConsentView, CreateOrganisationBody, GrantConsentBody, InviteToOrganisationBody, MyOrganisationList, MyOrganisationView, MySponsorList,
  OrganisationInvitationList, OrganisationInvitationOffer, OrganisationInvitationView, OrganisationMemberList, OrganisationView, SponsoredCandidateList,
  SponsorshipView, SponsorVoucherBody,
} from "../../../common/schemas/organisations";
import type { SponsorBody, SponsorshipReceipt } from "../../../common/schemas/training";
import type { VoucherBatchesPage } from "../../../common/schemas/payments";

export const organisationKeys = {
  all: ["organisations"] as const,
  mine: ["organisations", "mine"] as const,
  admin: (kind: string) => ["organisations", "admin", kind] as const,
  one: (id: string) => ["organisations", "one", id] as const,
  members: (id: string) => ["organisations", "members", id] as const,
  invitations: (id: string) => ["organisations", "invitations", id] as const,
  invitation: (token: string) => ["organisations", "invitation", token] as const,
  sponsored: (id: string) => ["organisations", "sponsored", id] as const,
  sponsors: ["organisations", "sponsors"] as const,
  batches: ["organisations", "voucher-batches"] as const,
};

const path = (id: string) => `/api/v1/organisations/${encodeURIComponent(id)}`;

export const useMyOrganisations = () =>
  useQuery({ queryKey: organisationKeys.mine, queryFn: ({ signal }) => api.get<MyOrganisationList>("/api/v1/me/organisations", undefined, signal) });
export const useAdminOrganisations = (kind: "" | "employer" | "college") =>
  useQuery({ queryKey: organisationKeys.admin(kind), queryFn: ({ signal }) => api.get<AdminOrganisationList>("/api/v1/admin/organisations", kind ? { kind } : undefined, signal) });
export const useOrganisation = (id: string) =>
  useQuery({ queryKey: organisationKeys.one(id), queryFn: ({ signal }) => api.get<OrganisationView>(path(id), undefined, signal) });
export const useMembers = (id: string) =>
  useQuery({ queryKey: organisationKeys.members(id), queryFn: ({ signal }) => api.get<OrganisationMemberList>(`${path(id)}/members`, undefined, signal) });
export const useInvitations = (id: string, enabled: boolean) =>
  useQuery({ queryKey: organisationKeys.invitations(id), queryFn: ({ signal }) => api.get<OrganisationInvitationList>(`${path(id)}/invitations`, undefined, signal), enabled });
export const useSponsoredCandidates = (id: string) =>
  useQuery({ queryKey: organisationKeys.sponsored(id), queryFn: ({ signal }) => api.get<SponsoredCandidateList>(`${path(id)}/sponsored-candidates`, undefined, signal) });
export const useMySponsors = () =>
  useQuery({ queryKey: organisationKeys.sponsors, queryFn: ({ signal }) => api.get<MySponsorList>("/api/v1/me/sponsors", undefined, signal) });
/** My voucher batches (exam vouchers an organisation assigns come from its members' batches). */
export const useMyBatches = () =>
  useQuery({ queryKey: organisationKeys.batches, queryFn: ({ signal }) => api.get<VoucherBatchesPage>("/api/v1/voucher-batches", { limit: 200 }, signal) });

export const useInvitationOffer = (token: string) =>
  useQuery({
    queryKey: organisationKeys.invitation(token),
    queryFn: () => api.post<OrganisationInvitationOffer>("/api/v1/organisations/invitations/lookup", { token }),
    enabled: token.length > 0,
    retry: false,
  });

/** Every organisation mutation refreshes every organisation list (small lists, shown on several pages). */
function useOrganisationMutation<B, R>(fn: (body: B) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void queryClient.invalidateQueries({ queryKey: organisationKeys.all }) });
}

export const useCreateOrganisation = () => useOrganisationMutation((body: CreateOrganisationBody) => api.post<OrganisationView>("/api/v1/admin/organisations", body));
export const useInvite = (id: string) => useOrganisationMutation((body: InviteToOrganisationBody) => api.post<OrganisationInvitationView>(`${path(id)}/invitations`, body));
export const useWithdrawInvitation = (id: string) =>
  useOrganisationMutation((invitationId: string) => api.post<null>(`${path(id)}/invitations/${encodeURIComponent(invitationId)}/withdraw`));
export const useRemoveMember = (id: string) => useOrganisationMutation((userId: string) => api.post<null>(`${path(id)}/members/${encodeURIComponent(userId)}/remove`));
export const useAcceptOrganisationInvitation = () =>
  useOrganisationMutation((token: string) => api.post<MyOrganisationView>("/api/v1/organisations/invitations/accept", { token }));
export const useSponsorSeats = (id: string) => useOrganisationMutation((body: SponsorBody) => api.post<SponsorshipReceipt>(`${path(id)}/sponsorships/seats`, body));
export const useSponsorVoucher = (id: string) => useOrganisationMutation((body: SponsorVoucherBody) => api.post<SponsorshipView>(`${path(id)}/sponsorships/vouchers`, body));
export const useGrantConsent = () => useOrganisationMutation((body: GrantConsentBody) => api.post<ConsentView>("/api/v1/me/consents", body));
export const useWithdrawConsent = () => useOrganisationMutation((consentId: string) => api.post<ConsentView>(`/api/v1/me/consents/${encodeURIComponent(consentId)}/withdraw`));
