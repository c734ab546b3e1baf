/** Mail templates: each gives a subject, an HTML body and a plain-text body. Every value is escaped. */
export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

function layout(
  title: string,
  paragraphs: string[],
  action?: { label: string; url: string },
  code?: string,
): string {
  const body = paragraphs.map((p) => `<p style="margin:0 0 16px;line-height:1.5">${esc(p)}</p>`).join('');
  const codeBlock = code
    ? `<p style="font-size:28px;letter-spacing:6px;font-weight:700;margin:8px 0 24px;font-family:monospace">${esc(code)}</p>`
    : '';
  const button = action
    ? `<p style="margin:0 0 24px"><a href="${esc(action.url)}" style="background:#4f46e5;color:#fff;padding:12px 20px;border-radius:8px;text-decoration:none;display:inline-block">${esc(action.label)}</a></p><p style="font-size:12px;color:#555">${esc(action.url)}</p>`
    : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body style="font-family:system-ui,sans-serif;color:#111;background:#f6f6fb;padding:24px"><div style="max-width:560px;margin:auto;background:#fff;border-radius:12px;padding:32px"><h1 style="font-size:20px;margin:0 0 16px">${esc(title)}</h1>${body}${codeBlock}${button}<p style="font-size:12px;color:#555;margin-top:32px">9tangle Academy</p></div></body></html>`;
}

function text(paragraphs: string[], extra: string[] = []): string {
  return [...paragraphs, ...extra, '', '— 9tangle Academy'].join('\n\n');
}

export const templates = {
  verifyEmail(p: { name: string; code: string; url: string }): RenderedMail {
    const lines = [
      `Hi ${p.name},`,
      'Enter this code to verify your email address. It is valid for 10 minutes.',
    ];
    return {
      // Not the code itself: subjects are stored and logged in plain text, bodies only encrypted.
      subject: 'Your 9tangle verification code',
      html: layout('Verify your email', lines, { label: 'Verify my email', url: p.url }, p.code),
      text: text(lines, [p.code, `Or open this link: ${p.url}`]),
    };
  },
  confirmEmailChange(p: { name: string; code: string; url: string }): RenderedMail {
    const lines = [
      `Hi ${p.name},`,
      'Confirm this new address for your 9tangle account with the code below (valid 10 minutes).',
    ];
    return {
      subject: 'Confirm your new email address',
      html: layout('Confirm your new email', lines, { label: 'Confirm this address', url: p.url }, p.code),
      text: text(lines, [p.code, `Or open this link: ${p.url}`]),
    };
  },
  emailChangeNotice(p: { name: string; newEmail: string }): RenderedMail {
    const lines = [
      `Hi ${p.name},`,
      `Someone asked to change the email address of your 9tangle account to ${p.newEmail}.`,
      'If this was not you, reset your password now and contact us.',
    ];
    return {
      subject: 'Your email address is being changed',
      html: layout('Email change requested', lines),
      text: text(lines),
    };
  },
  resetPassword(p: { name: string; url: string }): RenderedMail {
    const lines = [
      `Hi ${p.name},`,
      'Use the link below to choose a new password. It works once, for one hour.',
      'If you did not ask for this, ignore this mail.',
    ];
    return {
      subject: 'Reset your 9tangle password',
      html: layout('Reset your password', lines, { label: 'Choose a new password', url: p.url }),
      text: text(lines, [p.url]),
    };
  },
  courseInstructorAdded(p: { name: string; addedBy: string; course: string; url: string }): RenderedMail {
    const lines = [
      `Hi ${p.name},`,
      `${p.addedBy} added you as an instructor of “${p.course}”. You can now edit it in your studio.`,
    ];
    return {
      subject: 'You were added as a course instructor',
      html: layout('You are now an instructor of a course', lines, { label: 'Open the course', url: p.url }),
      text: text(lines, [p.url]),
    };
  },
  courseRejected(p: { name: string; course: string; reason: string; url: string }): RenderedMail {
    const lines = [
      `Hi ${p.name},`,
      `“${p.course}” was sent back to draft by the reviewers. Their reason:`,
      p.reason,
      'Make the changes and submit the course again when it is ready.',
    ];
    return {
      subject: 'Your course needs changes before publishing',
      html: layout('Your course needs changes', lines, { label: 'Open the course', url: p.url }),
      text: text(lines, [p.url]),
    };
  },
  passwordChanged(p: { name: string; when: string }): RenderedMail {
    const lines = [
      `Hi ${p.name},`,
      `The password of your 9tangle account was changed on ${p.when} and every other session was signed out.`,
      'If this was not you, reset your password at once and contact us.',
    ];
    return {
      subject: 'Your password was changed',
      html: layout('Password changed', lines),
      text: text(lines),
    };
  },
  certificateIssued(p: { name: string; courseTitle: string; code: string; url: string }): RenderedMail {
    const lines = [
      `Hi ${p.name},`,
      `Congratulations on completing ${p.courseTitle}! Your certificate is ready: download it from your dashboard, and share its public page with anyone who wants to check it.`,
      `Certificate code: ${p.code}`,
    ];
    return {
      // The course title, never the code: subjects are stored and logged in plain text.
      subject: `Your certificate for ${p.courseTitle}`,
      html: layout('Your certificate is ready', lines, { label: 'View your certificate', url: p.url }),
      text: text(lines, [p.url]),
    };
  },
  orderReceipt(p: {
    name: string;
    orderNumber: string;
    total: string;
    lines: string[];
    url: string;
  }): RenderedMail {
    const lines = [
      `Hi ${p.name},`,
      `Thank you for your order ${p.orderNumber}. Your payment was received.`,
      ...p.lines,
      `Total paid: ${p.total}`,
    ];
    return {
      subject: `Your receipt for order ${p.orderNumber}`,
      html: layout('Thank you for your order', lines, { label: 'View your order', url: p.url }),
      text: text(lines, [p.url]),
    };
  },
  manualPaymentRejected(p: {
    name: string;
    orderNumber: string;
    reason: string;
    note: string | null;
    attemptsLeft: number;
    url: string;
  }): RenderedMail {
    const lines = [
      `Hi ${p.name},`,
      `We could not approve the payment proof you sent for order ${p.orderNumber}. ${p.reason}`,
      ...(p.note ? [`Our note: ${p.note}`] : []),
      p.attemptsLeft > 0
        ? `You can send a new proof (${p.attemptsLeft} ${p.attemptsLeft === 1 ? 'try' : 'tries'} left). Your order stays reserved until then.`
        : 'No tries are left for this order: reply to this mail and we will sort it out with you.',
    ];
    return {
      subject: `Your payment for order ${p.orderNumber} needs attention`,
      html: layout(
        'Your payment proof was not approved',
        lines,
        p.attemptsLeft > 0 ? { label: 'Send a new proof', url: p.url } : undefined,
      ),
      text: text(lines, [p.url]),
    };
  },
  orderShipped(p: {
    name: string;
    number: string;
    trackingNumber: string | null;
    url: string;
  }): RenderedMail {
    const lines = [
      `Hi ${p.name},`,
      `Your order ${p.number} is on its way.`,
      p.trackingNumber ? `Tracking number: ${p.trackingNumber}` : 'We will let you know when it arrives.',
    ];
    return {
      subject: `Your order ${p.number} has shipped`,
      html: layout('Your order has shipped', lines, { label: 'View your order', url: p.url }),
      text: text(lines, [p.url]),
    };
  },
  orderRefunded(p: {
    name: string;
    number: string;
    amount: string;
    full: boolean;
    url: string;
  }): RenderedMail {
    const lines = [
      `Hi ${p.name},`,
      `We have refunded ${p.amount} of your order ${p.number}${p.full ? ' in full' : ''}. It can take a few days to reach your account.`,
      'Access to refunded courses and downloads has ended.',
    ];
    return {
      subject: `Refund for your order ${p.number}`,
      html: layout('Your refund', lines, { label: 'View your order', url: p.url }),
      text: text(lines, [p.url]),
    };
  },
  orderDisputed(p: { number: string; status: string; url: string }): RenderedMail {
    const lines = [`The payment of order ${p.number} is disputed at the provider (status: ${p.status}).`];
    return {
      subject: `Payment dispute on order ${p.number}`,
      html: layout('Payment dispute', lines, { label: 'Open the order', url: p.url }),
      text: text(lines, [p.url]),
    };
  },
  /** An automated check changed state (issue 5 §3). The subject names the check and states only. */
  opsCheckChanged(p: {
    title: string;
    state: 'ok' | 'warn' | 'crit';
    previousState: 'ok' | 'warn' | 'crit' | null;
    message: string;
    at: string;
    url: string;
  }): RenderedMail {
    const up = (s: string) => s.toUpperCase();
    const change = p.previousState ? `${up(p.previousState)} → ${up(p.state)}` : up(p.state);
    const lines = [
      `The check "${p.title}" is now ${up(p.state)}${p.previousState ? ` (was ${up(p.previousState)})` : ''}.`,
      p.message,
      `Checked at ${p.at}.`,
    ];
    return {
      subject: `[${up(p.state)}] ${p.title}: ${change}`,
      html: layout(`Check ${up(p.state)}: ${p.title}`, lines, {
        label: 'Open the operations page',
        url: p.url,
      }),
      text: text(lines, [p.url]),
    };
  },
  /** The contact form, to the academy: the whole message, as text (reply-to is the sender). */
  'contact.received'(p: {
    name: string;
    email: string;
    subject: string;
    message: string;
    url: string;
  }): RenderedMail {
    const lines = [
      `${p.name} <${p.email}> wrote through the contact form:`,
      p.subject,
      ...p.message.split(/\n{2,}/),
    ];
    return {
      subject: `Contact form: ${p.subject}`.slice(0, 200),
      html: layout('New message from the contact form', lines, { label: 'Open the inbox', url: p.url }),
      text: text(lines, [`Reply to ${p.email}, or open the inbox: ${p.url}`]),
    };
  },
  /**
   * The sender's receipt. It repeats nothing the sender typed (not even the name): the form accepts
   * any address, so an echo would let anyone mail their own text to strangers from our domain.
   */
  'contact.acknowledged'(_p: Record<string, never>): RenderedMail {
    const lines = [
      'Hello,',
      'Thank you for writing to 9tangle Academy. We have received your message and will answer within two working days.',
      'If you did not send a message through our contact form, you can ignore this mail.',
    ];
    return {
      subject: 'We received your message',
      html: layout('We received your message', lines),
      text: text(lines),
    };
  },
};
export type TemplateName = keyof typeof templates;
