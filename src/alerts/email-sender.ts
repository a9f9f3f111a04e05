import nodemailer from 'nodemailer';

/** Where and how to send mail. */
export interface SmtpSettings {
  /** `smtp://user:pass@host:port` or `smtps://…`. */
  readonly url: string;
  /** The From address of alert mail. */
  readonly from: string;
}

/** A plain-text email. */
export interface EmailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** Sends mail; the one seam between alerts and SMTP. */
export interface EmailSender {
  send(message: EmailMessage): Promise<void>;
  close(): void;
}

/** An SMTP sender over nodemailer (pooled connection, STARTTLS when the server offers it). */
export function smtpSender(settings: SmtpSettings): EmailSender {
  const transport = nodemailer.createTransport(settings.url);
  return {
    async send(message) {
      await transport.sendMail({ from: settings.from, to: message.to, subject: message.subject, text: message.text });
    },
    close: () => transport.close(),
  };
}
