"use client";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  ActivityPageDto,
  CreateInvitationInput,
  InvitationCreatedDto,
  InvitationDto,
  MemberChangeInput,
  MemberRowDto,
  MembersPageDto,
  OneTimeLinkDto,
  TeamSettingsDto,
  TeamSettingsInput,
} from "@/lib/schemas/team";
import { apiFetch } from "./api-client";

/** react-query keys of the team pages. */
export const teamKeys = {
  roster: () => ["team", "roster"] as const,
  settings: () => ["team", "settings"] as const,
  activity: (filters: ActivityFilters) => ["team", "activity", filters] as const,
};

export type ActivityFilters = { actor?: string; action?: string; article?: string };

/** The members page: members with status and counts, pending invitations. */
export function useRoster() {
  return useQuery({ queryKey: teamKeys.roster(), queryFn: () => apiFetch<MembersPageDto>("/api/team/roster") });
}

/** Invite, change, reset and revoke: each refreshes the roster when settled. */
export function useRosterMutations() {
  const qc = useQueryClient();
  const settle = () => void qc.invalidateQueries({ queryKey: teamKeys.roster() });
  const invite = useMutation({
    mutationFn: (input: CreateInvitationInput) => apiFetch<InvitationCreatedDto>("/api/team/invitations", { method: "POST", json: input }),
    onSettled: settle,
  });
  const change = useMutation({
    mutationFn: (v: { member: MemberRowDto; change: Omit<MemberChangeInput, "version"> }) =>
      apiFetch<MemberRowDto>(`/api/team/members/${v.member.membershipId}`, {
        method: "PATCH",
        json: { version: v.member.version, ...v.change },
      }),
    // The server's answer goes into the roster at once, so an admin's next change to the same member (a role,
    // then Deactivate) carries the new version even before the refetch lands. The answer's counts are not read.
    onSuccess: (updated) =>
      qc.setQueryData<MembersPageDto>(teamKeys.roster(), (page) =>
        page
          ? {
              ...page,
              members: page.members.map((m) =>
                m.membershipId === updated.membershipId ? { ...updated, claims: m.claims, reviews: m.reviews } : m,
              ),
            }
          : page,
      ),
    onSettled: settle,
  });
  const resetPassword = useMutation({
    mutationFn: (member: MemberRowDto) =>
      apiFetch<OneTimeLinkDto>(`/api/team/members/${member.membershipId}/password-reset`, { method: "POST" }),
    onSettled: settle,
  });
  const revoke = useMutation({
    mutationFn: (invitation: InvitationDto) =>
      apiFetch<InvitationDto>(`/api/team/invitations/${invitation.id}?version=${invitation.version}`, { method: "DELETE" }),
    onSettled: settle,
  });
  return { invite, change, resetPassword, revoke };
}

export function useTeamSettings() {
  return useQuery({ queryKey: teamKeys.settings(), queryFn: () => apiFetch<TeamSettingsDto>("/api/team/settings") });
}

export function useUpdateTeamSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TeamSettingsInput) => apiFetch<TeamSettingsDto>("/api/team/settings", { method: "PATCH", json: input }),
    onSuccess: (settings) => qc.setQueryData(teamKeys.settings(), settings),
  });
}

/** The activity log, a page at a time (keyset cursor), with its filters in the key. */
export function useActivity(filters: ActivityFilters) {
  return useInfiniteQuery({
    queryKey: teamKeys.activity(filters),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const q = new URLSearchParams(
        Object.entries({ ...filters, before: pageParam ?? undefined }).filter((e): e is [string, string] => !!e[1]),
      );
      return apiFetch<ActivityPageDto>(`/api/team/activity?${q}`);
    },
    getNextPageParam: (last) => last.next,
  });
}
