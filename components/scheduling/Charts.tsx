// Server-rendered SVG charts for Progress. Colours come from the theme's tokens (both themes); each
// chart has a text alternative (a caption and a table behind "Show as a table").

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;
/** Room for the weekday names on the left and the month names on top. */
const LEFT = 24;
const TOP = 14;

/** The columns (weeks) where a month starts, with the month's short name; the first, partial month is
 * labelled only when it has room (at least a week and a half) before the next one. */
function monthStarts(days: readonly { date: string }[], firstWeekday: number) {
  const out: { key: string; name: string; column: number }[] = [];
  days.forEach((d, i) => {
    const [y, m, day] = d.date.split("-").map(Number) as [number, number, number];
    if (i === 0 ? day > 20 : day !== 1) return;
    out.push({ key: `${y}-${m}`, name: MONTHS[m - 1]!, column: Math.floor((i + firstWeekday) / 7) });
  });
  return out;
}

export function Heatmap({ days, label }: { days: { date: string; count: number }[]; label: string }) {
  const cell = 12;
  const gap = 2;
  const weeks = Math.ceil(days.length / 7);
  const max = Math.max(1, ...days.map((d) => d.count));
  // Rows are weekdays Monday..Sunday; the first column starts on the first day's weekday.
  const firstWeekday = (new Date(`${days[0]?.date ?? "1970-01-05"}T00:00:00Z`).getUTCDay() + 6) % 7;
  const total = days.reduce((s, d) => s + d.count, 0);
  const active = days.filter((d) => d.count > 0).length;
  const months = monthStarts(days, firstWeekday);
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${LEFT + (weeks + 2) * (cell + gap)} ${TOP + 7 * (cell + gap)}`}
        role="img"
        aria-label={`${label}: ${total} reviews on ${active} of the last ${days.length} days`}
        data-testid="heatmap"
      >
        {/* Weekday names on the left (every other row), month names above the week a month starts in. */}
        {WEEKDAYS.map((name, row) =>
          row % 2 === 0 ? (
            <text
              key={name}
              x={0}
              y={TOP + row * (cell + gap) + cell - 2}
              className="chart-label"
              fontSize={9}
            >
              {name}
            </text>
          ) : null,
        )}
        {months.map((m) => (
          <text
            key={m.key}
            x={LEFT + m.column * (cell + gap)}
            y={TOP - 4}
            className="chart-label"
            fontSize={9}
          >
            {m.name}
          </text>
        ))}
        {days.map((d, i) => {
          const k = i + firstWeekday;
          const level = d.count === 0 ? 0 : 0.25 + 0.75 * (d.count / max);
          return (
            <rect
              key={d.date}
              x={LEFT + Math.floor(k / 7) * (cell + gap)}
              y={TOP + (k % 7) * (cell + gap)}
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
  scale,
}: {
  data: { key: string; value: number | null; text: string }[];
  label: string;
  caption: string;
  valueLabel: string;
  testId: string;
  /** The value axis: its top and the ticks to label; by default 0 and the largest value. */
  scale?: { max: number; ticks: { value: number; label: string }[] };
}) {
  const gap = 3;
  const left = 30;
  // Bars widen to fill about 400 units, so that few bars (12 weeks) are not scaled up with huge labels.
  const w = Math.max(10, Math.floor((400 - left) / Math.max(1, data.length)) - gap);
  const h = 80;
  const top = 6;
  const largest = Math.max(0, ...data.map((d) => d.value ?? 0));
  const max = scale?.max ?? Math.max(1e-9, largest);
  const ticks = scale?.ticks ?? [
    { value: 0, label: "0" },
    ...(largest > 0 ? [{ value: largest, label: String(Math.round(largest)) }] : []),
  ];
  const y = (v: number) => top + h - (h * v) / max;
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${left + data.length * (w + gap)} ${top + h + 6}`}
        role="img"
        aria-label={`${label}. ${caption}`}
        data-testid={testId}
      >
        {/* The value scale: a labelled gridline at each tick. */}
        {ticks.map((t) => (
          <g key={t.value}>
            <line
              x1={left - 3}
              x2={left + data.length * (w + gap)}
              y1={y(t.value)}
              y2={y(t.value)}
              className="gridline"
            />
            <text x={left - 5} y={y(t.value) + 3} textAnchor="end" className="chart-label" fontSize={8}>
              {t.label}
            </text>
          </g>
        ))}
        <line
          x1={left}
          x2={left + data.length * (w + gap)}
          y1={top + h + 1}
          y2={top + h + 1}
          className="axis"
        />
        {data.map((d, i) => {
          const v = d.value ?? 0;
          const bh = d.value === null ? 0 : Math.max(v > 0 ? 2 : 0, (h * v) / max);
          return (
            <rect key={d.key} x={left + i * (w + gap)} y={top + h - bh} width={w} height={bh} className="bar">
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
