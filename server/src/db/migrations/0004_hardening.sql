CREATE TABLE "login_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_failure_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "entity_name" text;--> statement-breakpoint
CREATE INDEX "affiliations_org_current_idx" ON "affiliations" USING btree ("organization_id","end_on","person_id");--> statement-breakpoint
CREATE INDEX "memberships_current_org_idx" ON "memberships" USING btree ("network_id","organization_id") WHERE "memberships"."left_on" is null;--> statement-breakpoint
CREATE INDEX "memberships_current_person_idx" ON "memberships" USING btree ("network_id","person_id") WHERE "memberships"."left_on" is null;--> statement-breakpoint
CREATE INDEX "organizations_district_name_idx" ON "organizations" USING btree ("district_code","name","id");--> statement-breakpoint
CREATE INDEX "people_district_name_idx" ON "people" USING btree ("district_code","name","id");