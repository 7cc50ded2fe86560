import { maildevUrl } from "./support.js";

interface MaildevMessage {
  id: string;
  subject: string;
  text: string;
  to: { address: string }[];
}

/** Waits for the newest e-mail to `address` in maildev whose subject matches, and returns its text body. */
export async function waitForMail(address: string, subject: RegExp, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(`${maildevUrl()}/api/email?to.address=${encodeURIComponent(address)}`);
    const messages = (await response.json()) as MaildevMessage[];
    const match = messages.filter((m) => subject.test(m.subject)).at(-1);
    if (match) return match.text;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no e-mail matching ${subject} reached ${address} within ${timeoutMs} ms`);
}

/** The first URL in a text body that contains `fragment`. */
export function linkIn(text: string, fragment: string): URL {
  const found = text.match(/https?:\/\/\S+/g)?.find((u) => u.includes(fragment));
  if (!found) throw new Error(`no link containing ${fragment} in:\n${text}`);
  return new URL(found);
}
