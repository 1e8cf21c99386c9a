-- DropIndex
DROP INDEX "AuditEvent_teamId_createdAt_idx";

-- DropIndex
DROP INDEX "AuditEvent_teamId_actorId_createdAt_idx";

-- DropIndex
DROP INDEX "AuditEvent_teamId_action_createdAt_idx";

-- CreateIndex
CREATE INDEX "AuditEvent_teamId_createdAt_id_idx" ON "AuditEvent"("teamId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_teamId_actorId_createdAt_id_idx" ON "AuditEvent"("teamId", "actorId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_teamId_action_createdAt_id_idx" ON "AuditEvent"("teamId", "action", "createdAt", "id");

