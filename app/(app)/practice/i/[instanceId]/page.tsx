// The practice view of one problem: the statement typeset on the server, answering in the browser
// (components/practice/PracticeView.tsx). The session (n of N, next) comes from the query.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Formula } from "@/components/Formula";
import { PracticeView } from "@/components/practice/PracticeView";
import { readSession } from "@/lib/practice/session";
import { isAppError } from "@/lib/server/errors";
import { getInstance } from "@/lib/server/practice/practice";
import type { InstanceView } from "@/lib/server/practice/practice.types";
import { requireUser } from "@/lib/server/session";
import { timezoneOf } from "@/lib/server/users/timezone";
import { closedMessage } from "@/lib/teaching/closed";
import { Fragment } from "react";

export const metadata: Metadata = { title: "Practice" };
export const dynamic = "force-dynamic";

export default async function InstancePage({
  params,
  searchParams,
}: {
  params: Promise<{ instanceId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { instanceId } = await params;
  const session = readSession(await searchParams);
  const user = await requireUser(`/practice/i/${encodeURIComponent(instanceId)}`);
  let view: InstanceView;
  try {
    view = await getInstance({ actor: user, instanceId });
  } catch (error) {
    // Another learner's problem is answered exactly like one that does not exist.
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const statement = (
    <>
      <p className="statement" data-testid="statement">
        {view.statementParts.map((part, i) =>
          "tex" in part ? <Formula key={i} tex={part.tex} /> : <Fragment key={i}>{part.text}</Fragment>,
        )}
      </p>
      <Formula display tex={view.latex} label="The problem" />
    </>
  );
  const closedNotice = view.closed
    ? closedMessage(
        view.closed.kind === "due"
          ? { kind: "due", at: new Date(view.closed.at ?? 0) }
          : { kind: view.closed.kind },
        await timezoneOf(user),
      )
    : undefined;
  return (
    <PracticeView
      key={view.id}
      initial={view}
      session={session}
      statement={statement}
      closedNotice={closedNotice}
    />
  );
}
