// "3-day streak (longest 5)", as Today and the drill's finish screen say it.
export function Streak({ streak }: { streak: { current: number; longest: number } }) {
  return (
    <>
      <span data-testid="streak">
        {streak.current === 1 ? "1-day streak" : `${streak.current}-day streak`}
      </span>
      {streak.longest > streak.current ? <span className="muted"> (longest {streak.longest})</span> : null}
    </>
  );
}
