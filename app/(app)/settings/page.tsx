// Scheduling settings: new skills per day, session length, desired retention, timezone.
import "@/components/scheduling/scheduling.css";
import { SettingsForm } from "@/components/scheduling/SettingsForm";
import { getSettings } from "@/lib/server/scheduling/scheduling";
import { requireUser } from "@/lib/server/session";

export const metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

function timezones(): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
}

export default async function SettingsPage() {
  const actor = await requireUser("/settings");
  const s = await getSettings({ actor });
  return (
    <section className="narrow">
      <h1>Settings</h1>
      <p className="lead">How your daily drill is scheduled.</p>
      <SettingsForm {...s} zones={timezones()} />
      <h2>Placement check</h2>
      <p>
        Already know some of Part 1? <a href="/placement">Take the placement check</a>: up to 12 questions,
        and the skills you show are marked known instead of being drilled from the start.
      </p>
    </section>
  );
}
