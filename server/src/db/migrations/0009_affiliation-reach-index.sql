DROP INDEX "affiliations_person_idx";--> statement-breakpoint
CREATE INDEX "affiliations_person_org_idx" ON "affiliations" USING btree ("person_id","organization_id","end_on");