// Today: what is due for the learner, the new skills available, the streak and the counts.
import "server-only";
import { type TodayView } from "@/lib/server/scheduling/scheduling.types";
import { type ActingUser } from "@/lib/server/users/user.types";
import { localDateKey, streak } from "@/lib/srs";
import { publicSettings, reviewDays, expand, item } from "./learner-data";
import { dayState, sessionOf } from "./day-state";

/** The learner's day: what is due, the new skills available, streak and counts. */
export async function getToday(options: { actor: ActingUser }): Promise<TodayView> {
  const [d, days] = await Promise.all([dayState(options.actor), reviewDays(options.actor.id)]);
  const { queue, settings } = d;
  return {
    now: d.now.toISOString(),
    timezone: settings.timezone,
    date: localDateKey(d.now, settings.timezone),
    settings: publicSettings(settings),
    due: queue.due.map((x) => ({
      ...item(x.skillId),
      due: x.due.toISOString(),
      retrievability: x.retrievability,
      overdueDays: x.overdueDays,
    })),
    newSkills: queue.newSkills.map(item),
    extra: queue.extra.map(item),
    practiceMore: queue.practiceMore,
    streak: streak(expand(days).dates, d.now, settings.timezone),
    counts: {
      due: queue.due.length,
      new: queue.newSkills.length,
      doneToday: d.doneToday,
      newIntroducedToday: d.newIntroducedToday,
      remaining: queue.items.length,
    },
    session: sessionOf(d),
  };
}
