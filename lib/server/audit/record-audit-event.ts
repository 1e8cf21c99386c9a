import { db, type Db } from "@/lib/db";

type Tx = Pick<Db, "auditEvent">;

/** One append-only audit row: who did what to which object, with the state before and after. */
export type AuditInput = {
  teamId: string;
  actorId: string | null;
  action: string;
  objectType: string;
  objectId: string;
  before?: unknown;
  after?: unknown;
};

const json = (value: unknown) => (value === undefined || value === null ? undefined : JSON.parse(JSON.stringify(value)));

function auditData(event: AuditInput) {
  const before = json(event.before);
  const after = json(event.after);
  return {
    teamId: event.teamId,
    actorId: event.actorId,
    action: event.action,
    objectType: event.objectType,
    objectId: event.objectId,
    ...(before !== undefined ? { before } : {}),
    ...(after !== undefined ? { after } : {}),
  };
}

/** Records the event inside an interactive transaction (or on the client). */
export async function recordAuditEvent(tx: Tx, event: AuditInput): Promise<void> {
  await tx.auditEvent.create({ data: auditData(event) });
}

/** The create operation for a batched `db.$transaction([...])`. */
export function auditEventCreate(event: AuditInput) {
  return db.auditEvent.create({ data: auditData(event), select: { id: true } });
}
