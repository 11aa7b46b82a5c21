// What comes due by the end of tomorrow, worded by lib/srs dueStatus: on Today once the drill is
// finished, and on the drill's finish screen.
import type { ComingDue } from "@/lib/server/scheduling/scheduling.types";

export function ComingDueList({ items, emptyTestId }: { items: ComingDue[]; emptyTestId: string }) {
  if (items.length === 0)
    return (
      <p className="muted" data-testid={emptyTestId}>
        Nothing comes due by tomorrow. Tomorrow brings new skills, if any are unlocked.
      </p>
    );
  return (
    <ul className="skill-list" data-testid="tomorrow">
      {items.map((t) => (
        <li key={t.skillId}>
          <span>{t.title}</span>{" "}
          <span className="muted">
            {t.label} · recall {t.recallPercent}%
          </span>
        </li>
      ))}
    </ul>
  );
}
