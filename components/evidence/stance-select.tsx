"use client";
import { STANCES, STANCE_LABELS, type Stance } from "@/lib/schemas/evidence";

/** A native select of the three stances: keyboard-operable as is. */
export function StanceSelect({
  value,
  onChange,
  label,
  disabled,
}: {
  value: Stance;
  onChange: (s: Stance) => void;
  label: string;
  disabled?: boolean;
}) {
  return (
    <select aria-label={label} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as Stance)}>
      {STANCES.map((s) => (
        <option key={s} value={s}>
          {STANCE_LABELS[s]}
        </option>
      ))}
    </select>
  );
}
