import type { MailMessage } from '../ports/mail.ts';

interface CodeMail {
  to: string;
  otp: string;
  link: string;
}

export function signupMail({ to, otp, link }: CodeMail): MailMessage {
  return {
    to,
    subject: 'Confirm your Career Nexus email',
    text: [
      'Welcome to Career Nexus.',
      `Your verification code is ${otp}. It expires in 10 minutes.`,
      `Or open this link to confirm your email: ${link}`,
      'If you did not sign up, ignore this message.',
    ].join('\n\n'),
    html: codeHtml('Welcome to Career Nexus.', otp, link, 'Confirm my email'),
  };
}

export function passwordResetMail({ to, otp, link }: CodeMail): MailMessage {
  return {
    to,
    subject: 'Reset your Career Nexus password',
    text: [
      `Your password reset code is ${otp}. It expires in 10 minutes.`,
      `Or open this link to continue: ${link}`,
      'If you did not ask to reset your password, ignore this message.',
    ].join('\n\n'),
    html: codeHtml('Reset your password.', otp, link, 'Reset my password'),
  };
}

function codeHtml(heading: string, otp: string, link: string, action: string): string {
  // Every interpolated value is digits or a URL we built; nothing comes from user text.
  return [
    `<p>${heading}</p>`,
    `<p>Your code is <strong>${otp}</strong>. It expires in 10 minutes.</p>`,
    `<p><a href="${link}">${action}</a></p>`,
  ].join('\n');
}
