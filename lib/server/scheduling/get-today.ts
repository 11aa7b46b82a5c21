// Today: the day's drill (fixed once started, else what it would take now), the streak and the counts.
import "server-only";
import { type TodayView } from "@/lib/server/scheduling/scheduling.types";
import { type ActingUser } from "@/lib/server/users/user.types";
import { composeDrill, dueStatus, localDateKey, streak } from "@/lib/srs";
import { publicSettings, reviewDays, expand, item } from "./learner-data";
import { dayState } from "./day-state";
import { comingDue, readDrill } from "./drill-read";

/**
 * The learner's day. Once the drill started, its due and new skills are the drill's own (they never
 * change during the day); before, the ones it would take if started now, so what Today lists as new
 * is what the drill gives. Due and recall are worded by lib/srs dueStatus, as on Progress.
 */
export async function getToday(options: { actor: ActingUser }): Promise<TodayView> {
  const { actor } = options;
  const [d, days] = await Promise.all([dayState(actor), reviewDays(actor.id)]);
  const { queue, settings } = d;
  const tz = settings.timezone;
  const drill = await readDrill(actor.id, d.now, tz);
  const plan = drill
    ? drill.items.map((i) => ({ skillId: i.skillId, kind: i.kind, done: i.finished }))
    : composeDrill(queue, settings.sessionLength).map((p) => ({ ...p, done: false }));
  const cards = new Map(d.cards.map((c) => [c.skillId, c]));
  const due = plan
    .filter((p) => p.kind === "due")
    .map((p) => {
      const s = dueStatus(cards.get(p.skillId), d.now, tz);
      return {
        ...item(p.skillId),
        due: (s.dueAt ?? d.now).toISOString(),
        retrievability: s.recall,
        recallPercent: s.recallPercent,
        overdueDays: s.overdueDays,
        label: s.label,
        done: p.done,
      };
    });
  const newSkills = plan.filter((p) => p.kind === "new").map((p) => ({ ...item(p.skillId), done: p.done }));
  const done = drill ? drill.done : 0;
  const total = drill ? drill.total : plan.length;
  return {
    now: d.now.toISOString(),
    timezone: tz,
    date: localDateKey(d.now, tz),
    settings: publicSettings(settings),
    due,
    newSkills,
    extra: queue.extra.map(item),
    practiceMore: !drill && plan.length === 0,
    streak: streak(expand(days).dates, d.now, tz),
    counts: {
      due: due.length,
      new: newSkills.length,
      doneToday: d.doneToday,
      newIntroducedToday: d.newIntroducedToday,
      remaining: total - done,
    },
    session: { done, total },
    drill,
    tomorrow: drill?.finished ? comingDue(d.cards, d.now, tz) : [],
  };
}
