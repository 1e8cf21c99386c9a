import { z } from "zod";

/** Shortest and longest password accepted (bcrypt reads only the first 72 bytes; 200 characters bounds the work). */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;

/** PUT /api/account/password. */
export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1).max(PASSWORD_MAX),
    newPassword: z.string().min(PASSWORD_MIN, `A password needs at least ${PASSWORD_MIN} characters.`).max(PASSWORD_MAX),
  })
  .strict();

export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
