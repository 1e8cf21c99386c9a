"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AccountDto, ChangePasswordInput, CreateTeamInput } from "@/lib/schemas/team";
import { apiFetch } from "./api-client";

const accountKey = ["account"] as const;

export function useAccount() {
  return useQuery({ queryKey: accountKey, queryFn: () => apiFetch<AccountDto>("/api/account") });
}

export function useAccountMutations() {
  const qc = useQueryClient();
  const settle = () => void qc.invalidateQueries({ queryKey: accountKey });
  const rename = useMutation({
    mutationFn: (name: string) => apiFetch<{ name: string }>("/api/account", { method: "PATCH", json: { name } }),
    onSettled: settle,
  });
  const changePassword = useMutation({
    mutationFn: (input: ChangePasswordInput) => apiFetch<{ ok: true }>("/api/account/password", { method: "POST", json: input }),
  });
  const createTeam = useMutation({
    mutationFn: (input: CreateTeamInput) => apiFetch<{ id: string }>("/api/teams", { method: "POST", json: input }),
    onSettled: settle,
  });
  return { rename, changePassword, createTeam };
}
