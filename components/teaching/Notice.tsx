// The notice a form action left for this page (see lib/server/notice.ts): shown only when the id in
// the address matches the one this browser was given, so a crafted link shows nothing.
import { readNotice } from "@/lib/server/notice";

export async function Notice({ id }: { id: string | string[] | undefined }) {
  const notice = await readNotice(id);
  if (!notice) return null;
  if (notice.kind === "error") {
    return (
      <p className="message message-error" role="alert" aria-label="Problem" data-testid="form-error">
        {notice.text}
      </p>
    );
  }
  return (
    <p className="message message-success" role="status" aria-label="Done" data-testid="form-success">
      {notice.text}
    </p>
  );
}

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export const one = (v: string | string[] | undefined): string => (typeof v === "string" ? v : "");
