// The one-line message a form action leaves for the page it redirects to ("Class created.", or why it
// was refused). The text never travels in the address: the action writes it to a short-lived cookie
// with a random id, and the address carries only that id (?notice=...). A page shows a notice only
// when the id in its address matches the cookie this browser holds, so a crafted link cannot make the
// app say anything.
import "server-only";
import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { z } from "zod";
import { baseUrl } from "@/lib/server/base-url";

export const NOTICE_COOKIE = "gd-notice";
const NOTICE_SECONDS = 120;
const MAX_TEXT = 300;

export type NoticeKind = "ok" | "error";
export interface Notice {
  kind: NoticeKind;
  text: string;
}

const stored = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{16}$/),
  kind: z.enum(["ok", "error"]),
  text: z.string().min(1).max(MAX_TEXT),
});

/** Leaves `text` for the next page and returns `path` with the notice's id in its query. */
export async function withNotice(path: string, kind: NoticeKind, text: string): Promise<string> {
  const id = randomBytes(12).toString("base64url");
  const value = Buffer.from(JSON.stringify({ id, kind, text: text.slice(0, MAX_TEXT) })).toString(
    "base64url",
  );
  (await cookies()).set(NOTICE_COOKIE, value, {
    httpOnly: true,
    sameSite: "lax",
    secure: baseUrl().startsWith("https:"),
    path: "/",
    maxAge: NOTICE_SECONDS,
  });
  const [base, query] = path.split("?");
  const params = new URLSearchParams(query ?? "");
  params.set("notice", id);
  return `${base}?${params.toString()}`;
}

/** The notice this browser holds for the id in the address, if any. */
export async function readNotice(id: string | string[] | undefined): Promise<Notice | null> {
  if (typeof id !== "string" || id.length !== 16) return null;
  const raw = (await cookies()).get(NOTICE_COOKIE)?.value;
  if (!raw) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const notice = stored.safeParse(parsed);
  if (!notice.success || notice.data.id !== id) return null;
  return { kind: notice.data.kind, text: notice.data.text };
}
