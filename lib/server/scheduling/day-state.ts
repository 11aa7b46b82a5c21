// The learner's day as the scheduler sees it: settings, cards, today's reviews and the queue built
// from them (lib/srs), in the learner's timezone.
import "server-only";
import { now as clockNow } from "@/lib/server/clock";
import { SKILLS } from "@/lib/problems";
import { getPool } from "@/lib/server/db/client";
import { type ActingUser } from "@/lib/server/users/user.types";
import { type SkillCard, buildQueue, localDayBounds } from "@/lib/srs";
import { loadCards, loadSettings } from "./learner-data";

export const CATALOGUE = SKILLS.map((s) => ({ id: s.id, prerequisites: s.prerequisites }));

export interface DayState {
  now: Date;
  settings: Awaited<ReturnType<typeof loadSettings>>;
  cards: SkillCard[];
  queue: ReturnType<typeof buildQueue>;
  doneToday: number;
  newIntroducedToday: number;
}

/** A local day lasts at most 25 hours: reviews since this long ago cover today in any timezone. */
const RECENT_MS = 27 * 3_600_000;

export async function dayState(actor: ActingUser): Promise<DayState> {
  const at = await clockNow();
  // Three independent reads at once; today's reviews are picked out of the recent ones once the
  // timezone is known.
  const [settings, cards, recent] = await Promise.all([
    loadSettings(actor.id),
    loadCards(actor.id),
    getPool()
      .query<{ reviewedAt: Date; introduced: boolean }>({
        name: "recent_reviews",
        text: `SELECT r."reviewedAt",
                      (r."stateBefore" IS NULL
                       AND EXISTS (SELECT 1 FROM "DrillItem" d WHERE d."instanceId" = r."instanceId")) AS "introduced"
               FROM "Review" r
               WHERE r."userId" = $1::uuid AND r."reviewedAt" >= $2`,
        values: [actor.id, new Date(+at - RECENT_MS)],
      })
      .then((r) => r.rows),
  ]);
  const { start, end } = localDayBounds(at, settings.timezone);
  // A skill's first review has no state before it: that is when it was introduced. Only the drill's
  // introductions count toward the daily new-skill limit: a new skill practised from the catalogue
  // (or marked known by the placement check) is the learner's own choice and takes no drill slot.
  const today = recent.filter((r) => +r.reviewedAt >= +start && +r.reviewedAt < +end);
  const newIntroducedToday = today.filter((r) => r.introduced).length;
  const queue = buildQueue({
    now: at,
    timezone: settings.timezone,
    cards,
    skills: CATALOGUE,
    newIntroducedToday,
    settings: {
      requestRetention: settings.desiredRetention,
      dailyNewLimit: settings.dailyNewLimit,
      sessionLength: settings.sessionLength,
    },
  });
  return { now: at, settings, cards, queue, doneToday: today.length, newIntroducedToday };
}
