// Server-rendered SVG charts for Progress. Colours come from the theme's tokens (both themes); each
// chart has a text alternative (a caption and a table behind "Show as a table").

export function Heatmap({ days, label }: { days: { date: string; count: number }[]; label: string }) {
  const cell = 12;
  const gap = 2;
  const weeks = Math.ceil(days.length / 7);
  const max = Math.max(1, ...days.map((d) => d.count));
  // Rows are weekdays Monday..Sunday; the first column starts on the first day's weekday.
  const firstWeekday = (new Date(`${days[0]?.date ?? "1970-01-05"}T00:00:00Z`).getUTCDay() + 6) % 7;
  const total = days.reduce((s, d) => s + d.count, 0);
  const active = days.filter((d) => d.count > 0).length;
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${(weeks + 1) * (cell + gap)} ${7 * (cell + gap)}`}
        role="img"
        aria-label={`${label}: ${total} reviews on ${active} of the last ${days.length} days`}
        data-testid="heatmap"
      >
        {days.map((d, i) => {
          const k = i + firstWeekday;
          const level = d.count === 0 ? 0 : 0.25 + 0.75 * (d.count / max);
          return (
            <rect
              key={d.date}
              x={Math.floor(k / 7) * (cell + gap)}
              y={(k % 7) * (cell + gap)}
              width={cell}
              height={cell}
              rx={2}
              className={d.count === 0 ? "heat-empty" : "heat-on"}
              fillOpacity={d.count === 0 ? 1 : level}
            >
              <title>{`${d.date}: ${d.count} review${d.count === 1 ? "" : "s"}`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption className="muted">
        {total} reviews on {active} of the last {days.length} days (darker: more reviews).
      </figcaption>
      <details>
        <summary>Show as a table</summary>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Reviews</th>
            </tr>
          </thead>
          <tbody>
            {days
              .filter((d) => d.count > 0)
              .map((d) => (
                <tr key={d.date}>
                  <td>{d.date}</td>
                  <td>{d.count}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

export function Bars({
  data,
  label,
  caption,
  valueLabel,
  testId,
}: {
  data: { key: string; value: number | null; text: string }[];
  label: string;
  caption: string;
  valueLabel: string;
  testId: string;
}) {
  const w = 10;
  const gap = 3;
  const h = 80;
  const max = Math.max(1e-9, ...data.map((d) => d.value ?? 0));
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${data.length * (w + gap)} ${h + 2}`}
        role="img"
        aria-label={`${label}. ${caption}`}
        data-testid={testId}
      >
        <line x1={0} x2={data.length * (w + gap)} y1={h + 1} y2={h + 1} className="axis" />
        {data.map((d, i) => {
          const v = d.value ?? 0;
          const bh = d.value === null ? 0 : Math.max(v > 0 ? 2 : 0, (h * v) / max);
          return (
            <rect key={d.key} x={i * (w + gap)} y={h - bh} width={w} height={bh} className="bar">
              <title>{`${d.key}: ${d.text}`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption className="muted">{caption}</figcaption>
      <details>
        <summary>Show as a table</summary>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">{valueLabel}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.key}>
                <td>{d.key}</td>
                <td>{d.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
