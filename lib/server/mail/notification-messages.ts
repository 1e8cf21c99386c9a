import type { EmailChoice } from "@/lib/schemas/notification";
import type { MailMessage } from "./send-mail";

/** A notification as an e-mail tells it: its text and the absolute link to it. */
export type MailedNotification = { text: string; url: string | null; createdAt: Date };

const footer = (baseUrl: string, choice: EmailChoice) => [
  "",
  "--",
  choice === "digest"
    ? "You get a daily digest of your Claimdesk notifications."
    : "You get an e-mail for each of your Claimdesk notifications.",
  `Choose each, a daily digest or none in your account: ${baseUrl}/account`,
];

const link = (baseUrl: string, url: string | null) => (url ? `${baseUrl}${url}` : `${baseUrl}/`);
const subjectLine = (s: string) => (s.length > 120 ? `${s.slice(0, 119)}…` : s);

/** One notification, e-mailed as it happens. */
export function notificationMessage(p: { to: string; teamName: string; baseUrl: string; n: MailedNotification }): MailMessage {
  return {
    to: p.to,
    subject: subjectLine(`[${p.teamName}] ${p.n.text}`),
    text: [p.n.text, "", `Open it: ${link(p.baseUrl, p.n.url)}`, ...footer(p.baseUrl, "each")].join("\n"),
  };
}

/** The daily digest: every notification since the last one, oldest first. */
export function digestMessage(p: { to: string; teamName: string; baseUrl: string; items: readonly MailedNotification[] }): MailMessage {
  const n = p.items.length;
  return {
    to: p.to,
    subject: `[${p.teamName}] ${n} Claimdesk notification${n === 1 ? "" : "s"}`,
    text: [
      `Your notifications in ${p.teamName} since the last digest:`,
      "",
      ...p.items.flatMap((item) => [`- ${item.text}`, `  ${link(p.baseUrl, item.url)}`]),
      "",
      `Open Claimdesk: ${p.baseUrl}/`,
      ...footer(p.baseUrl, "digest"),
    ].join("\n"),
  };
}
