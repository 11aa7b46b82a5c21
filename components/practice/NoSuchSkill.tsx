// The page for a skill id that is not in the catalogue (a mistyped or old link): one wording, a way back.
export function NoSuchSkill({ heading, testId }: { heading: string; testId: string }) {
  return (
    <section className="narrow">
      <h1>{heading}</h1>
      <p className="message message-error" role="status" data-testid={testId}>
        There is no such skill. Pick one from the list.
      </p>
      <a className="button" href="/practice">
        All skills
      </a>
    </section>
  );
}
