"use client";
// The form of a typed problem: the kind first, then only the fields that kind asks for (the others
// are not sent). Random parameters are written beside the function.
import { useState } from "react";
import {
  FIELDS_OF,
  type TypedField,
  type TypedKind,
  TYPED_KINDS,
  isTypedKind,
} from "@/lib/teaching/typed-form";

type Values = Record<TypedField, string>;

function Field({ field, kind, values }: { field: TypedField; kind: TypedKind; values: Values }) {
  const v = values[field];
  switch (field) {
    case "f":
      return (
        <div className="field">
          <label htmlFor="f">f</label>
          <input
            id="f"
            name="f"
            required
            maxLength={300}
            defaultValue={v}
            placeholder={kind === "matrix" ? "‖W x - y‖^2" : "a*x^2 + sin(b*x)"}
            autoComplete="off"
            aria-describedby="f-hint"
          />
          <p id="f-hint" className="hint">
            {kind === "matrix"
              ? "In the declared symbols."
              : "In the variables, and the parameters' names if you declare parameters below."}
          </p>
        </div>
      );
    case "var":
      return (
        <div className="field">
          <label htmlFor="var">Variable</label>
          <input id="var" name="var" maxLength={3} defaultValue={v} aria-describedby="var-hint" />
          <p id="var-hint" className="hint">
            A lowercase letter other than e, or a Greek letter&apos;s name (theta, sigma), optionally followed
            by digits (x, t, w1).
          </p>
        </div>
      );
    case "vars":
      return (
        <div className="field">
          <label htmlFor="vars">Variables, in order</label>
          <input id="vars" name="vars" maxLength={20} defaultValue={v} aria-describedby="vars-hint" />
          <p id="vars-hint" className="hint">
            Separated by commas: x, y or w1, w2, w3.
          </p>
        </div>
      );
    case "wrt":
      return (
        <div className="field">
          <label htmlFor="wrt">
            {kind === "matrix" ? "The symbol V to differentiate by" : "With respect to"}
          </label>
          <input id="wrt" name="wrt" maxLength={16} defaultValue={v} />
        </div>
      );
    case "to":
      return (
        <div className="field">
          <label htmlFor="to">Tends to a (a number, pi/2, inf, -inf; may use parameters)</label>
          <input id="to" name="to" maxLength={40} defaultValue={v} />
        </div>
      );
    case "side":
      return (
        <div className="field">
          <label htmlFor="side">Side</label>
          <select id="side" name="side" defaultValue={v}>
            <option value="both">Both sides</option>
            <option value="left">From the left</option>
            <option value="right">From the right</option>
          </select>
        </div>
      );
    case "at":
      return (
        <div className="field">
          <label htmlFor="at">
            {kind === "taylor2"
              ? "Point (whole numbers, one per variable)"
              : "Point (one number per variable, separated by commas; may use parameters)"}
          </label>
          <input
            id="at"
            name="at"
            maxLength={40}
            defaultValue={v}
            placeholder={kind === "derivative_at" ? "1" : "1, 2"}
          />
        </div>
      );
    case "symbols":
      return (
        <div className="field">
          <label htmlFor="symbols">Symbols and their shapes</label>
          <input
            id="symbols"
            name="symbols"
            maxLength={200}
            defaultValue={v}
            aria-describedby="symbols-hint"
            autoComplete="off"
          />
          <p id="symbols-hint" className="hint">
            A name, a colon and a shape: scalar, n (a column vector), m x n; properties in brackets, e.g. A: n
            x n (symmetric).
          </p>
        </div>
      );
    case "asks":
      return (
        <div className="field">
          <label htmlFor="asks">Asked</label>
          <select id="asks" name="asks" defaultValue={v}>
            <option value="gradient">The gradient ∇_V f (V&apos;s shape)</option>
            <option value="derivative">The derivative ∂f/∂V (a row, or the Jacobian)</option>
          </select>
        </div>
      );
    case "key":
      return (
        <div className="field">
          <label htmlFor="key">Key (optional: answers are checked against the derivative anyway)</label>
          <input id="key" name="key" maxLength={300} defaultValue={v} autoComplete="off" />
        </div>
      );
    case "params":
      return (
        <div className="field">
          <label htmlFor="params">Random parameters (optional)</label>
          <textarea
            id="params"
            name="params"
            rows={3}
            maxLength={600}
            defaultValue={v}
            placeholder={"a in {2..9}\nb in {-5..5} \\ {0}\na != b"}
            aria-describedby="params-hint"
          />
          <p id="params-hint" className="hint">
            One per line: a name and its values (a in {"{2..9}"}, c in {"{1, 2, 5}"}, b in {"{-5..5} \\ {0}"}
            ), then conditions that reject a draw (a != b, a*c - b^2 != 0). Each student gets their own
            numbers.
          </p>
        </div>
      );
  }
}

export function TypedProblemForm({
  action,
  setId,
  initialKind,
  values,
}: {
  action: (form: FormData) => Promise<void>;
  setId: string;
  initialKind: string;
  values: Values;
}) {
  const [kind, setKind] = useState<TypedKind>(isTypedKind(initialKind) ? initialKind : "derivative");
  return (
    <form action={action} className="form card" id="typed" aria-label="Type a problem">
      <h3>Type a problem</h3>
      <input type="hidden" name="setId" value={setId} />
      <div className="field">
        <label htmlFor="kind">Kind</label>
        <select
          id="kind"
          name="kind"
          value={kind}
          onChange={(e) => {
            if (isTypedKind(e.target.value)) setKind(e.target.value);
          }}
        >
          {TYPED_KINDS.map((t) => (
            <option key={t.kind} value={t.kind}>
              {t.label}
            </option>
          ))}
        </select>
      </div>
      {FIELDS_OF[kind].map((field) => (
        <Field key={field} field={field} kind={kind} values={values} />
      ))}
      <div>
        <button type="submit" className="button">
          Check and show the key
        </button>
      </div>
    </form>
  );
}
