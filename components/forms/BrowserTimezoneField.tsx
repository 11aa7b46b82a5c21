"use client";
// A hidden field carrying this browser's timezone, so sign-up and sign-in can set the learner's day to
// it while the account's is still the default (UTC). Empty before the page is interactive: the server
// then keeps what it has.
import { useEffect, useState } from "react";

export function BrowserTimezoneField() {
  const [zone, setZone] = useState("");
  useEffect(() => {
    setZone(Intl.DateTimeFormat().resolvedOptions().timeZone ?? "");
  }, []);
  return <input type="hidden" name="timezone" value={zone} data-testid="browser-timezone" />;
}
