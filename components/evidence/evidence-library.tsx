"use client";
import { useCallback, useRef, useState } from "react";
import { useDebouncedValue } from "@/components/ui/use-debounced-value";
import { Toast, type ToastMessage } from "@/components/ui/toast";
import { useEvidenceList, useEvidenceMutations } from "@/lib/queries/use-evidence";
import type { EvidenceDto, EvidenceKind } from "@/lib/schemas/evidence";
import { EvidenceForm } from "./evidence-form";
import { EvidenceRow } from "./evidence-row";
import { DeleteEvidenceDialog } from "./delete-evidence-dialog";
import { FormError } from "@/components/ui/form-error";
import "./evidence.css";
import { EvidenceKindOptions } from "./evidence-kind-options";

/** The team's evidence library: search as you type, filter by kind, create, edit and delete. */
export function EvidenceLibrary() {
  const [q, setQ] = useState("");
  const [kind, setKind] = useState<EvidenceKind | "">("");
  const list = useEvidenceList(useDebouncedValue(q, 150), kind);
  const m = useEvidenceMutations();
  const [creating, setCreating] = useState(false);
  const [editId, setEditId] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<EvidenceDto | null>(null);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const toastId = useRef(0);
  const notify = useCallback((t: Omit<ToastMessage, "id">) => setToast({ ...t, id: ++toastId.current }), []);

  function handleDelete(item: EvidenceDto) {
    setDeleting(null);
    m.remove.mutate(item, {
      onSuccess: ({ usedIn }) =>
        notify({
          text: usedIn.length
            ? `Deleted “${item.title}”. ${usedIn.length} ${usedIn.length === 1 ? "claim still shows" : "claims still show"} it, marked deleted.`
            : `Deleted “${item.title}”.`,
        }),
      onError: (e) => notify({ text: `Could not delete “${item.title}”: ${e.message}`, tone: "error" }),
    });
  }

  return (
    <>
      <div className="evidence-toolbar" role="search">
        <label>
          Search
          <input
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder="Title, publisher, URL or quote"
            aria-label="Search evidence"
          />
        </label>
        <label>
          Kind
          <select value={kind} onChange={(e) => setKind(e.target.value as EvidenceKind | "")} aria-label="Filter by kind">
            <option value="">All kinds</option>
            <EvidenceKindOptions />
          </select>
        </label>
        {!creating && (
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
            New evidence
          </button>
        )}
      </div>
      {creating && (
        <EvidenceForm
          submitLabel="Add to library"
          onSubmit={async (input) => {
            const item = await m.create.mutateAsync(input);
            setCreating(false);
            notify({ text: `Added “${item.title}”.` });
          }}
          onCancel={() => setCreating(false)}
        />
      )}
      <FormError error={list.error} />
      {list.isPending ? (
        <p className="muted">Loading the library…</p>
      ) : list.data?.length === 0 ? (
        <p className="muted">{q || kind ? "Nothing matches." : "The library is empty. Add a source or a dated fact."}</p>
      ) : (
        <ul className="stack-list evidence-list" aria-label="Evidence items" aria-busy={list.isFetching}>
          {list.data?.map((item) => (
            <li key={item.id}>
              {editId === item.id ? (
                <EvidenceForm
                  initial={item}
                  submitLabel="Save changes"
                  onSubmit={async (input) => {
                    await m.update.mutateAsync({ item, change: input });
                    setEditId(null);
                  }}
                  onCancel={() => setEditId(null)}
                />
              ) : (
                <EvidenceRow item={item} onEdit={() => setEditId(item.id)} onDelete={() => setDeleting(item)} />
              )}
              {deleting?.id === item.id && (
                <DeleteEvidenceDialog item={item} onConfirm={() => handleDelete(item)} onCancel={() => setDeleting(null)} />
              )}
            </li>
          ))}
        </ul>
      )}
      <Toast toast={toast} onDismiss={() => setToast(null)} />
    </>
  );
}
