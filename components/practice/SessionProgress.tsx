// Where the learner is in the practice session: the skill, "Problem n of m", and a progress bar.
import type { PracticeSession } from "@/lib/practice/session";

export function SessionProgress({
  skillTitle,
  session,
  finished,
}: {
  skillTitle: string;
  session: PracticeSession;
  finished: boolean;
}) {
  const progressDone = finished ? session.n : session.n - 1;
  return (
    <div className="session-progress">
      <div className="session-progress-text">
        <span>{skillTitle}</span>
        <span data-testid="session-position">
          Problem {session.n} of {session.of}
        </span>
      </div>
      <progress
        max={session.of}
        value={progressDone}
        aria-label={`Session progress: problem ${session.n} of ${session.of}`}
      />
    </div>
  );
}
