import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message as the server received it. */
export interface ReceivedMail {
  readonly to: readonly string[];
  readonly data: string;
}

/** A real SMTP server on a loopback port, and what it received. */
export interface TestSmtpServer {
  readonly url: string;
  readonly mails: ReceivedMail[];
  /** RCPT TO attempts per address, accepted or not. */
  readonly attempts: Map<string, number>;
  close(): Promise<void>;
}

/** Refuses a recipient with an SMTP status, as a mail server does. */
function refusal(status: number, text: string): Error {
  return Object.assign(new Error(text), { responseCode: status });
}

/**
 * Starts an SMTP server (the `smtp-server` package, as a mail relay would run) that accepts
 * every recipient except `rejected-…@` (550, for good) and `busy-N-…@` (451, the first N times).
 */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const mails: ReceivedMail[] = [];
  const attempts = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const tries = (attempts.get(address.address) ?? 0) + 1;
      attempts.set(address.address, tries);
      const busy = /^busy-(\d+)-/.exec(address.address);
      if (address.address.startsWith('rejected-')) return callback(refusal(550, 'no such mailbox'));
      if (busy !== null && tries <= Number(busy[1])) return callback(refusal(451, 'mailbox busy, try again later'));
      return callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((recipient) => recipient.address), data: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    attempts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The mails sent to `address`. */
export function mailsTo(smtp: TestSmtpServer, address: string): ReceivedMail[] {
  return smtp.mails.filter((mail) => mail.to.includes(address));
}
