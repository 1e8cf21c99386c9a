/**
 * Outgoing e-mail for one-time links, through nodemailer when SMTP_URL is set
 * (`smtp://user:pass@host:587`, `smtps://…:465`). Without it nothing is sent
 * and the pages say so: the admin copies the link instead. A failed send
 * never undoes what was made (the link still works); the caller reports it.
 */
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

export type MailMessage = { to: string; subject: string; text: string };
export type MailResult = { emailed: boolean; emailError?: string };

let transport: { url: string; transporter: Transporter } | undefined;

/** True when invitation and reset links are e-mailed as well as shown. */
export const mailEnabled = () => !!env().SMTP_URL;

function transporter(url: string): Transporter {
  if (transport?.url !== url)
    transport = {
      url,
      transporter: nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }),
    };
  return transport.transporter;
}

/** Sends `message` when SMTP is configured; says whether it went out, and why not when it failed. */
export async function sendMail(message: MailMessage): Promise<MailResult> {
  const { SMTP_URL, SMTP_FROM, NEXTAUTH_URL } = env();
  if (!SMTP_URL) return { emailed: false };
  const from = SMTP_FROM ?? `Claimdesk <no-reply@${NEXTAUTH_URL ? new URL(NEXTAUTH_URL).hostname : "localhost"}>`;
  try {
    await transporter(SMTP_URL).sendMail({ from, ...message });
    return { emailed: true };
  } catch (error) {
    console.warn("Could not send e-mail", error);
    return { emailed: false, emailError: "The e-mail could not be sent; copy the link instead." };
  }
}
