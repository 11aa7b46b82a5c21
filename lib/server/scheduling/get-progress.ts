// Progress: mastery per skill by topic, the review heatmap, weekly accuracy, the forecast, the streak
// and a page of past attempts.
import "server-only";
import { statementParts } from "@/lib/problems/statement-parts";
import { now as clockNow } from "@/lib/server/clock";
import { SKILLS, TOPIC_TITLES } from "@/lib/problems";
import { type Topic } from "@/lib/problems/types";
import { getPool } from "@/lib/server/db/client";
import { problemOf } from "@/lib/server/practice/view";
import {
  type HistoryEntry,
  type ProgressView,
  type SkillMastery,
  historyPageSchema,
} from "@/lib/server/scheduling/scheduling.types";
import { type ActingUser } from "@/lib/server/users/user.types";
import { accuracyByWeek, dueStatus, forecast, heatmap, isLearned, isStarted, streak } from "@/lib/srs";
import { loadCards, loadSettings, reviewDays, expand, title } from "./learner-data";

export const HISTORY_PAGE_SIZE = 20;

function answerText(answer: unknown): string {
  if (Array.isArray(answer)) return `(${answer.map(String).join(", ")})`;
  return typeof answer === "string" ? answer : "";
}

interface HistoryRow {
  instanceId: string;
  skillId: string;
  rating: HistoryEntry["rating"];
  outcome: HistoryEntry["verdict"];
  reviewedAt: Date;
  problem: unknown;
  answer: unknown;
}

/** A page of the learner's reviews, newest first, each with its problem and the last answer tried. */
const HISTORY = `
  SELECT r."instanceId", r."skillId", r."rating"::text AS "rating", r."outcome"::text AS "outcome",
         r."reviewedAt", p."problem",
         (SELECT s."answer" FROM "Submission" s WHERE s."instanceId" = r."instanceId"
          ORDER BY s."tryNumber" DESC LIMIT 1) AS "answer"
  FROM "Review" r JOIN "ProblemInstance" p ON p."id" = r."instanceId"
  WHERE r."userId" = $1::uuid
  ORDER BY r."reviewedAt" DESC, r."id" DESC
  LIMIT $2 OFFSET $3`;

/** Mastery per skill by topic, the review heatmap, weekly accuracy, the 30-day forecast, streak and
 * a page of past attempts (newest first). */
export async function getProgress(options: { actor: ActingUser; page?: unknown }): Promise<ProgressView> {
  const { actor } = options;
  const page = historyPageSchema.parse(options.page ?? 1);
  const at = await clockNow();
  const [settings, cards, days, reviews] = await Promise.all([
    loadSettings(actor.id),
    loadCards(actor.id),
    reviewDays(actor.id),
    getPool()
      .query<HistoryRow>({
        name: "history_page",
        text: HISTORY,
        values: [actor.id, HISTORY_PAGE_SIZE, (page - 1) * HISTORY_PAGE_SIZE],
      })
      .then((r) => r.rows),
  ]);
  // Every review is in one of the days counted.
  const total = days.reduce((sum, d) => sum + d.count, 0);

  const tz = settings.timezone;
  const byId = new Map(cards.map((c) => [c.skillId, c]));
  const topics = new Map<Topic, SkillMastery[]>();
  for (const s of SKILLS) {
    const c = byId.get(s.id);
    const started = !!c && isStarted(c);
    const status = dueStatus(c, at, tz);
    const m: SkillMastery = {
      skillId: s.id,
      title: s.title,
      prerequisites: s.prerequisites.map((p) => ({ skillId: p, title: title(p) })),
      started,
      learned: isLearned(c),
      retrievability: status.recall,
      recallPercent: status.recallPercent,
      dueLabel: status.label,
      stability: c && started ? c.stability : 0,
      state: c ? ((["New", "Learning", "Review", "Relearning"] as const)[c.state] ?? "New") : "New",
      due: c && started ? c.due.toISOString() : null,
      reps: c?.reps ?? 0,
      lapses: c?.lapses ?? 0,
    };
    const list = topics.get(s.topic) ?? [];
    list.push(m);
    topics.set(s.topic, list);
  }

  const { dates, marks } = expand(days);
  const entries: HistoryEntry[] = reviews.map((r) => {
    const p = problemOf(r);
    return {
      instanceId: r.instanceId,
      skillTitle: title(r.skillId),
      statement: p.statement,
      statementParts: statementParts(p),
      latex: p.latex,
      answer: r.answer === null ? "" : answerText(r.answer),
      verdict: r.outcome,
      rating: r.rating,
      date: r.reviewedAt.toISOString(),
    };
  });
  const started = cards.filter(isStarted);
  return {
    now: at.toISOString(),
    timezone: tz,
    topics: [...topics.entries()].map(([topic, skills]) => ({ topic, title: TOPIC_TITLES[topic], skills })),
    heatmap: heatmap(dates, at, tz, 26),
    accuracy: accuracyByWeek(marks, at, tz, 12),
    forecast: forecast(cards, at, tz, 30),
    streak: streak(dates, at, tz),
    totals: { reviews: total, started: started.length, learned: started.filter((c) => isLearned(c)).length },
    history: {
      entries,
      page,
      pageSize: HISTORY_PAGE_SIZE,
      total,
      pages: Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE)),
    },
  };
}
