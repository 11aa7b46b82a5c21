// Where the learner is in the practice session: the skill, "Problem n of m", and a progress bar.
import { type PracticeSession, sessionPosition } from "@/lib/practice/session";

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
  const position = sessionPosition(session);
  return (
    <div className="session-progress">
      <div className="session-progress-text">
        <span>{skillTitle}</span>
        <span data-testid="session-position">{position}</span>
      </div>
      {/* An extra problem has no "of": the day's drill is done and this one is beyond it. */}
      {session.as === "extra" ? null : (
        <progress max={session.of} value={progressDone} aria-label={`Progress: ${position}`} />
      )}
    </div>
  );
}
