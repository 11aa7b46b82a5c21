// A practice session carried in the page's query: problem n of N of one skill (or mixed), the first
// instance of the session (for its summary), and an optional `next` page that "Next" goes to instead
// (the Today drill). Pure: used by the server pages and the browser alike.
import { z } from "zod";
import { sitePath } from "@/lib/safe-redirect";

export const MAX_SESSION = 50;

export interface PracticeSession {
  /** This problem's place in the session, 1-based. */
  n: number;
  /** How many problems the session has. */
  of: number;
  /** The skill the session practises, or "mixed". */
  skill?: string;
  /** The session's first instance (its summary lists the instances from there on). */
  s?: string;
  /** A relative URL on this site that "Next" goes to instead. */
  next?: string;
  /**
   * What the problem is part of, when not a plain session: `extra`, a "one more" problem beyond the
   * day's drill (the n-th of them); `placement`, a question of the placement check (n of at most N).
   */
  as?: SessionKind;
}

export const SESSION_KINDS = ["extra", "placement"] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];
const kindParam = z.enum(SESSION_KINDS);

const skillParam = z.string().regex(/^[a-z0-9-]{1,80}$/);
const count = z.coerce.number().int().min(1).max(MAX_SESSION);
const uuid = z.uuid();

/** A `next` URL only when it is a path on this site (the app's one rule: lib/safe-redirect.ts). */
export const safeNext = sitePath;

type Query = Record<string, string | string[] | undefined>;

const one = (q: Query, k: string): string | undefined => {
  const v = q[k];
  return Array.isArray(v) ? v[0] : v;
};

/** The session from a page's query; anything malformed is left out (a single problem by default). */
export function readSession(query: Query): PracticeSession {
  const of = count.safeParse(one(query, "of"));
  const n = count.safeParse(one(query, "n"));
  const total = of.success ? of.data : 1;
  const place = n.success && n.data <= total ? n.data : 1;
  const out: PracticeSession = { n: place, of: Math.max(total, place) };
  const skill = skillParam.safeParse(one(query, "skill"));
  if (skill.success) out.skill = skill.data;
  const s = uuid.safeParse(one(query, "s"));
  if (s.success) out.s = s.data;
  const next = safeNext(one(query, "next"));
  if (next) out.next = next;
  const as = kindParam.safeParse(one(query, "as"));
  if (as.success) out.as = as.data;
  return out;
}

/** The query string (with "?") that carries a session. */
export function sessionQuery(session: PracticeSession): string {
  const q = new URLSearchParams();
  if (session.next) q.set("next", session.next);
  q.set("n", String(session.n));
  q.set("of", String(session.of));
  if (session.skill) q.set("skill", session.skill);
  if (session.s) q.set("s", session.s);
  if (session.as) q.set("as", session.as);
  return `?${q.toString()}`;
}

/**
 * The practice view of a placement question: "question n of at most max", and the way back to the
 * check (`as=placement&next=/placement`). Every link to a question uses it.
 */
export function placementQuestionHref(
  q: { instanceId: string; position: number },
  maxQuestions: number,
): string {
  return `/practice/i/${q.instanceId}${sessionQuery({ n: q.position, of: maxQuestions, next: "/placement", as: "placement" })}`;
}

/** How the progress line names this problem's place ("Problem 2 of 5", "Extra problem 1, beyond today's drill"). */
export function sessionPosition(session: PracticeSession): string {
  switch (session.as) {
    case "extra":
      return `Extra problem${session.n > 1 ? ` ${session.n}` : ""}, beyond today's drill`;
    case "placement":
      return `Placement check: question ${session.n} of at most ${session.of}`;
    default:
      return `Problem ${session.n} of ${session.of}`;
  }
}

/** Starting a problem of a session: a POST (a form to the start action), never a link. */
export interface PracticeStart {
  skill: string;
  /** The session fields the start form carries (n, of, s), as form values. */
  fields: Record<string, string>;
}

/** A session's start form for `skill` at the session's place. */
export function practiceStart(
  skill: string,
  session: Omit<PracticeSession, "skill" | "next">,
): PracticeStart {
  const fields: Record<string, string> = { n: String(session.n), of: String(session.of) };
  if (session.s) fields.s = session.s;
  return { skill, fields };
}

/** The address of a skill's start page (what sign-in comes back to), with the session's place. */
export function startPath(start: PracticeStart): string {
  const q = new URLSearchParams(start.fields);
  if (q.get("n") === "1") q.delete("n");
  if (q.get("of") === "1") q.delete("of");
  return `/practice/skill/${encodeURIComponent(start.skill)}${q.size > 0 ? `?${q.toString()}` : ""}`;
}

export type NextStep = { label: string; href: string } | { label: string; start: PracticeStart };

/**
 * Where "Next" goes after this problem: `next`, the next problem of the session (started by a POST),
 * or its summary.
 */
export function nextStep(session: PracticeSession): NextStep {
  if (session.next)
    return {
      href: session.next,
      label:
        session.as === "placement"
          ? "Continue the placement check"
          : session.as === "extra"
            ? "Back to today's drill"
            : "Next",
    };
  const skill = session.skill ?? "mixed";
  if (session.n < session.of) {
    return {
      start: practiceStart(skill, {
        n: session.n + 1,
        of: session.of,
        ...(session.s ? { s: session.s } : {}),
      }),
      label: `Next problem (${session.n + 1} of ${session.of})`,
    };
  }
  if (session.of > 1 && session.s) {
    const q = new URLSearchParams({ skill, of: String(session.of), s: session.s });
    return { href: `/practice/summary?${q.toString()}`, label: "See the session summary" };
  }
  return { start: practiceStart(skill, { n: 1, of: 1 }), label: "Another problem" };
}
