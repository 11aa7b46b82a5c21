// /practice/skill/[skillId]?n=&of=&s=: the start page of a skill (or "mixed"), where a shared link or
// the return from sign-in lands. Opening it issues nothing: the learner starts with a button (a POST,
// see app/actions/practice.ts), so a link, a prefetch or another site cannot issue problems.
import { NoSuchSkill } from "@/components/practice/NoSuchSkill";
import type { Metadata } from "next";
import { StartPractice } from "@/components/practice/StartPractice";
import { getSkill } from "@/lib/problems";
import { practiceStart, readSession, startPath } from "@/lib/practice/session";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Start practising" };
export const dynamic = "force-dynamic";

export default async function StartPage({
  params,
  searchParams,
}: {
  params: Promise<{ skillId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { skillId } = await params;
  const session = readSession(await searchParams);
  const start = practiceStart(skillId.slice(0, 80), session);
  await requireUser(startPath(start));
  const skill = skillId === "mixed" ? null : getSkill(skillId);
  if (skillId !== "mixed" && !skill) {
    return <NoSuchSkill heading="Practice" testId="practice-error" />;
  }
  const title = skill ? skill.title : "Mixed practice";
  return (
    <section className="narrow" data-testid="start-page">
      <h1>{title}</h1>
      {skill ? <p className="lead">{skill.description}</p> : null}
      <p className="muted" data-testid="start-session">
        {session.of === 1
          ? "One problem."
          : session.n === 1
            ? `A session of ${session.of} problems.`
            : `Problem ${session.n} of ${session.of}.`}
      </p>
      <div className="actions">
        <StartPractice start={start} className="button primary" testId="start">
          {session.n === 1 ? "Start" : "Continue"}
        </StartPractice>
        <a className="button" href="/practice">
          All skills
        </a>
      </div>
    </section>
  );
}
