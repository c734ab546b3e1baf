import nodemailer from 'nodemailer';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Where replies go (the contact form: the sender), when not to `from`. */
  replyTo?: string;
  attachments?: { filename: string; contentType: string; content: Buffer }[];
}

/** Delivers one rendered mail. The outbox transport keeps it in the database only (development mailbox). */
export interface MailTransport {
  kind: 'smtp' | 'outbox';
  send(mail: OutgoingMail): Promise<{ messageId: string | null }>;
  close(): void;
}

export function createMailTransport(smtpUrl: string | null): MailTransport {
  if (!smtpUrl) {
    return { kind: 'outbox', send: async () => ({ messageId: null }), close: () => undefined };
  }
  const transporter = nodemailer.createTransport(smtpUrl, {
    // nodemailer builds the headers itself; our addresses are validated before they get here.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    kind: 'smtp',
    send: async (mail) => {
      const info = await transporter.sendMail(mail);
      return { messageId: info.messageId ?? null };
    },
    close: () => transporter.close(),
  };
}
