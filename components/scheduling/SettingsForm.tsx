"use client";
// The four scheduling settings. The timezone is taken from the browser at sign-up and sign-in while it
// is the default (UTC); the hint says so until the settings are saved.
import { useActionState, useEffect, useState } from "react";
import { updateSettingsAction } from "@/app/actions/settings";
import { initialFormState } from "@/app/actions/form-state";
import { Field, FormMessage } from "@/components/forms/parts";

export interface SettingsFormProps {
  dailyNewLimit: number;
  sessionLength: number;
  desiredRetention: number;
  timezone: string;
  timezoneConfirmed: boolean;
  zones: string[];
}

export function SettingsForm(props: SettingsFormProps) {
  const [state, action, pending] = useActionState(updateSettingsAction, initialFormState);
  const [timezone, setTimezone] = useState(props.timezone);
  const [fromBrowser, setFromBrowser] = useState(false);
  useEffect(() => {
    // Only the default is replaced: a zone taken at sign-in stays until the learner changes it.
    if (props.timezoneConfirmed || props.timezone !== "UTC") return;
    const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (browser && browser !== props.timezone) {
      setTimezone(browser);
      setFromBrowser(true);
    }
  }, [props.timezoneConfirmed, props.timezone]);
  const zones = props.zones.includes(timezone) ? props.zones : [timezone, ...props.zones];
  return (
    <form action={action} className="form" aria-label="Scheduling settings">
      <Field
        name="dailyNewLimit"
        label="New skills per day"
        type="number"
        defaultValue={String(props.dailyNewLimit)}
        hint="0 to 50. How many skills you meet for the first time each day."
      />
      <Field
        name="sessionLength"
        label="Session length"
        type="number"
        defaultValue={String(props.sessionLength)}
        hint="1 to 200 problems per session."
      />
      <Field
        name="desiredRetention"
        label="Desired retention"
        type="number"
        defaultValue={String(props.desiredRetention)}
        step="any"
        hint="0.70 to 0.97: the chance of remembering a skill when it comes due. Higher means more reviews."
      />
      <div className="field">
        <label htmlFor="field-timezone">Timezone</label>
        <select
          id="field-timezone"
          name="timezone"
          value={timezone}
          onChange={(e) => {
            setTimezone(e.target.value);
            setFromBrowser(false);
          }}
          aria-describedby="field-timezone-hint"
        >
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
        <p id="field-timezone-hint" className="hint" data-testid="timezone-hint">
          {fromBrowser
            ? "Taken from this browser; save to keep it. Your day starts at midnight here."
            : !props.timezoneConfirmed && props.timezone !== "UTC"
              ? "Taken from your browser when you signed in. Your day, streak and due dates start at midnight here; save to confirm or change it."
              : "Your day, streak and due dates start at midnight in this timezone."}
        </p>
      </div>
      <FormMessage state={state} label="Settings" />
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? "Saving…" : "Save settings"}
      </button>
    </form>
  );
}
