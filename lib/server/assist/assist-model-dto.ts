import type { CurrentUser } from "@/lib/auth/current-user";
import type { AssistModelDto } from "@/lib/schemas/assist";
import { FEATURES, FEATURE_LABELS } from "@/lib/assist/checkworthy-features";
import { DEFAULT_WEIGHTS, parseWeights } from "@/lib/assist/checkworthy-model";
import { assistPermissions } from "@/lib/policies/assist";

/** The settings page's view of the team model. */
export function toAssistModelDto(user: CurrentUser, row: { weights: unknown; updates: number; version: number } | null): AssistModelDto {
  const w = parseWeights(row?.weights);
  return {
    bias: w.bias,
    defaultBias: DEFAULT_WEIGHTS.bias,
    weights: FEATURES.map((f) => ({ feature: f, label: FEATURE_LABELS[f], weight: w.weights[f], default: DEFAULT_WEIGHTS.weights[f] })),
    updates: row?.updates ?? 0,
    version: row?.version ?? 1,
    can: assistPermissions(user),
  };
}
