"use client";
// The four scheduling settings. The timezone is taken from the browser at sign-up and sign-in while it
// is the default (UTC); the hint says so until the settings are saved.
import { useActionState, useEffect, useState } from "react";
import { updateSettingsAction } from "@/app/actions/settings";
import { initialFormState } from "@/app/actions/form-state";
import { Field, FormMessage } from "@/components/forms/parts";
import { SETTINGS_NUMBER_FIELDS } from "@/components/scheduling/settings-fields";

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
      {SETTINGS_NUMBER_FIELDS.map((f) => (
        <Field
          key={f.name}
          name={f.name}
          label={f.label}
          type="number"
          defaultValue={String(props[f.name])}
          hint={f.hint}
          {...(f.step ? { step: f.step } : {})}
        />
      ))}
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
