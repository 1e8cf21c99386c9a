"use client";
import { useState } from "react";
import { useAliasMutations, useAliases, useAssistModel, useResetAssistModel } from "@/lib/queries/use-assist";
import { QueryFallback } from "@/components/ui/query-fallback";
import { FormError } from "@/components/ui/form-error";
import "./assist.css";

/** The claim-assistance settings: the team's check-worthiness weights (with a reset) and its alias table. */
export function AssistSettings() {
  return (
    <>
      <ModelWeights />
      <AliasTable />
    </>
  );
}

function ModelWeights() {
  const model = useAssistModel();
  const reset = useResetAssistModel();
  if (model.isPending || model.error) return <QueryFallback error={model.error} loading="Loading the model…" />;
  const m = model.data;
  const scale = Math.max(2, ...m.weights.map((w) => Math.abs(w.weight)));
  return (
    <section className="settings-section" aria-labelledby="weights-heading">
      <h2 id="weights-heading">Check-worthiness model</h2>
      <p className="muted">
        A sentence is suggested when σ(bias + Σ weight × feature) reaches 50%. The weights learn from the team&apos;s accepts and dismisses
        ({m.updates} so far); each suggestion lists the features that raised its score.
      </p>
      <table className="weights-table" data-testid="weights-table">
        <thead>
          <tr>
            <th>Feature</th>
            <th>Weight</th>
            <th></th>
            <th>Default</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>Bias (every sentence)</td>
            <td>{m.bias.toFixed(2)}</td>
            <td />
            <td>{m.defaultBias.toFixed(2)}</td>
          </tr>
          {m.weights.map((w) => (
            <tr key={w.feature} data-feature={w.feature}>
              <td>{w.label}</td>
              <td>{w.weight.toFixed(2)}</td>
              <td aria-hidden="true">
                <span
                  className={`weight-bar weight-bar--${w.weight >= 0 ? "pos" : "neg"}`}
                  style={{ width: `${(Math.abs(w.weight) / scale) * 8}rem` }}
                />
              </td>
              <td>{w.default.toFixed(2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {m.can.resetModel && (
        <p>
          <button type="button" className="btn" disabled={reset.isPending || m.updates === 0} onClick={() => reset.mutate(m.version)}>
            Reset to the defaults
          </button>
          {reset.error && (
            <span role="alert" className="form-error">
              {" "}
              {reset.error.message}
            </span>
          )}
        </p>
      )}
    </section>
  );
}

function AliasTable() {
  const aliases = useAliases();
  const { create, remove } = useAliasMutations();
  const [alias, setAlias] = useState("");
  const [canonical, setCanonical] = useState("");
  if (aliases.isPending || aliases.error) return <QueryFallback error={aliases.error} loading="Loading aliases…" />;
  const { can } = aliases.data;
  return (
    <section className="settings-section" aria-labelledby="aliases-heading">
      <h2 id="aliases-heading">Aliases</h2>
      <p className="muted">
        Names that mean the same person, organization or place when claims are matched across articles. A team alias for a built-in phrase
        replaces it.
      </p>
      {can.editAliases && (
        <form
          className="alias-form"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate(
              { alias, canonical },
              {
                onSuccess: () => {
                  setAlias("");
                  setCanonical("");
                },
              },
            );
          }}
        >
          <label>
            Phrase <input value={alias} onChange={(e) => setAlias(e.target.value)} required maxLength={120} placeholder="the Blue House" />
          </label>
          <label>
            Means{" "}
            <input
              value={canonical}
              onChange={(e) => setCanonical(e.target.value)}
              required
              maxLength={120}
              placeholder="South Korean presidency"
            />
          </label>
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>
            Add alias
          </button>
          <FormError error={create.error} />
        </form>
      )}
      <table className="weights-table" data-testid="alias-table">
        <thead>
          <tr>
            <th>Phrase</th>
            <th>Means</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {aliases.data.aliases.map((a) => (
            <tr key={a.id}>
              <td>{a.alias}</td>
              <td>{a.canonical}</td>
              <td>
                {a.builtIn ? (
                  <span className="muted">built in</span>
                ) : (
                  can.editAliases && (
                    <button type="button" className="btn btn-small btn-danger" disabled={remove.isPending} onClick={() => remove.mutate(a)}>
                      Remove
                    </button>
                  )
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <FormError error={remove.error} />
    </section>
  );
}
