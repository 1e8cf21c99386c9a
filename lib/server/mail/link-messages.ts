import type { Role } from "@/lib/policies/roles";
import type { MailMessage } from "./send-mail";
import { roleWithArticle } from "@/lib/policies/roles";

const when = (d: Date) => d.toUTCString().replace(/:\d\d GMT$/, " UTC");

/** The e-mail that carries an invitation link. */
export function invitationMessage(p: {
  to: string;
  teamName: string;
  role: Role;
  inviter: string | null;
  url: string;
  expiresAt: Date;
}): MailMessage {
  return {
    to: p.to,
    subject: `You are invited to ${p.teamName} on Claimdesk`,
    text: [
      `${p.inviter ?? "An admin"} invited you to join ${p.teamName} on Claimdesk as ${roleWithArticle(p.role)}.`,
      "",
      "Open this link to accept (it works once, until " + when(p.expiresAt) + "):",
      p.url,
      "",
      "If you did not expect this, ignore this e-mail.",
    ].join("\n"),
  };
}

/** The e-mail that carries a password-reset link. */
export function passwordResetMessage(p: { to: string; url: string; expiresAt: Date }): MailMessage {
  return {
    to: p.to,
    subject: "Set a new Claimdesk password",
    text: [
      "An admin of your Claimdesk team made a link for you to set a new password.",
      "",
      "Open it to choose one (it works once, until " + when(p.expiresAt) + "):",
      p.url,
      "",
      "Setting a new password signs you out everywhere else.",
    ].join("\n"),
  };
}
