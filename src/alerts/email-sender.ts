import nodemailer from 'nodemailer';
import type { SmtpSettings } from '../config/server-config.js';
import { classifyEmailError } from './email-failure.js';

/** A plain-text email. */
export interface EmailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** Sends mail; the one seam between alerts and SMTP. */
export interface EmailSender {
  /** Rejects with an `EmailError` saying whether retrying can help. */
  send(message: EmailMessage): Promise<void>;
  close(): void;
}

/** An SMTP sender over nodemailer (STARTTLS when the server offers it). */
export function smtpSender(settings: SmtpSettings): EmailSender {
  const transport = nodemailer.createTransport(settings.url);
  return {
    async send(message) {
      try {
        await transport.sendMail({ from: settings.from, to: message.to, subject: message.subject, text: message.text });
      } catch (error) {
        throw classifyEmailError(error);
      }
    },
    close: () => transport.close(),
  };
}
