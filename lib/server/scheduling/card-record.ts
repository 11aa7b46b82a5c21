// A SkillCard row as the database returns it, and the scheduler's card made from it.
import "server-only";
import { type SkillCard, fromRow } from "@/lib/srs";

export type CardRecord = {
  skillId: string;
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: "New" | "Learning" | "Review" | "Relearning";
  lastReview: Date | null;
  lastRating: "Again" | "Hard" | "Good" | "Easy" | null;
};

export function cardFromRecord(r: CardRecord): SkillCard {
  return {
    ...fromRow({
      ...r,
      due: r.due.toISOString(),
      lastReview: r.lastReview ? r.lastReview.toISOString() : null,
    }),
    skillId: r.skillId,
  };
}
