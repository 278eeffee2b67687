-- DropIndex
DROP INDEX "sync_events_user_id_entity_entity_id_event_id_idx";

-- CreateIndex
CREATE INDEX "sync_events_user_id_entity_entity_id_client_updated_at_idx" ON "sync_events"("user_id", "entity", "entity_id", "client_updated_at");
