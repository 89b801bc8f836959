import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Resend } from 'resend';
import type { Logger } from '../logger.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** Writes each message as one JSON file; the default with no mail service configured. */
export function createOutboxMailer(dir: string, from: string, log: Logger): Mailer {
  return {
    async send(message) {
      await mkdir(dir, { recursive: true });
      const sentAt = new Date().toISOString();
      const file = join(dir, `${sentAt.replace(/[:.]/g, '-')}-${randomUUID()}.json`);
      const record = {
        to: message.to,
        from,
        subject: message.subject,
        text: message.text,
        html: message.html,
        sent_at: sentAt,
      };
      await writeFile(file, JSON.stringify(record, null, 2));
      // The body carries OTPs and links; the log names the file instead.
      log.info({ to: message.to, subject: message.subject, file }, 'mail written to outbox');
    },
  };
}

export interface ResendOptions {
  apiKey: string;
  from: string;
  baseUrl?: string | undefined;
}

export function createResendMailer(options: ResendOptions): Mailer {
  const resend = new Resend(
    options.apiKey,
    options.baseUrl ? { baseUrl: options.baseUrl } : undefined,
  );
  return {
    async send(message) {
      const { error } = await resend.emails.send({ from: options.from, ...message });
      if (error) throw new Error(`Resend refused the message: ${error.name}: ${error.message}`);
    },
  };
}
