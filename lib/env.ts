import { z } from "zod";
import { DEFAULT_DATABASE_URL } from "./db/database-url";

const schema = z.object({
  DATABASE_URL: z.string().min(1).default(DEFAULT_DATABASE_URL),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  /** Optional OAuth providers: switched on when both halves are set. */
  GITHUB_ID: z.string().optional(),
  GITHUB_SECRET: z.string().optional(),
  /** A GitHub Enterprise Server to sign in with instead of github.com, e.g. https://github.example.org. */
  GITHUB_URL: z.string().url().optional(),
  GOOGLE_ID: z.string().optional(),
  GOOGLE_SECRET: z.string().optional(),
  /** `0`: a first run starts empty (a setup page) instead of seeding the demo desk; `1` asks for the demo on PostgreSQL. */
  CLAIMDESK_DEMO: z.enum(["0", "1"]).optional(),
  /** `0`: only the CLI makes teams; otherwise any signed-in user may make a team and becomes its admin. */
  CLAIMDESK_OPEN_TEAMS: z.enum(["0", "1"]).optional(),
  /** SMTP server for invitation and password-reset e-mails (`smtp://user:pass@host:587`, `smtps://…`); unset: links are only shown. */
  SMTP_URL: z.string().url().optional(),
  /** The From address of those e-mails. */
  SMTP_FROM: z.string().min(3).optional(),
  /** The hour (0–23, UTC) at which daily notification digests go out; default 7. */
  CLAIMDESK_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Import by URL: addresses let through although not public (comma-separated IPs or CIDR ranges), e.g. the tests' local server. */
  CLAIMDESK_FETCH_ALLOW: z.string().optional(),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

/** The environment, read once and validated. Empty strings count as unset. */
export function env(): Env {
  if (cached) return cached;
  const raw = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== ""));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid environment variable ${issue?.path.join(".")}: ${issue?.message}`);
  }
  cached = parsed.data;
  return cached;
}

/** Whether any signed-in user may make a team (CLAIMDESK_OPEN_TEAMS, on unless `0`). */
export const openTeams = () => env().CLAIMDESK_OPEN_TEAMS !== "0";
