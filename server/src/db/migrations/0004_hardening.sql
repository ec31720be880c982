CREATE TABLE "login_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_failure_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_error_reports" (
	"token" text PRIMARY KEY NOT NULL,
	"user_id" uuid,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"header" jsonb NOT NULL,
	"rows" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "entity_name" text;--> statement-breakpoint
ALTER TABLE "search_documents" ADD COLUMN "kind" text;--> statement-breakpoint
ALTER TABLE "import_error_reports" ADD CONSTRAINT "import_error_reports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_error_reports_expires_idx" ON "import_error_reports" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "affiliations_org_current_idx" ON "affiliations" USING btree ("organization_id","end_on","person_id");--> statement-breakpoint
CREATE INDEX "memberships_current_org_idx" ON "memberships" USING btree ("network_id","organization_id") WHERE "memberships"."left_on" is null;--> statement-breakpoint
CREATE INDEX "memberships_current_person_idx" ON "memberships" USING btree ("network_id","person_id") WHERE "memberships"."left_on" is null;--> statement-breakpoint
CREATE INDEX "organizations_district_name_idx" ON "organizations" USING btree ("district_code","name","id");--> statement-breakpoint
CREATE INDEX "organizations_created_idx" ON "organizations" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "organizations_kind_created_idx" ON "organizations" USING btree ("kind","created_at","id");--> statement-breakpoint
CREATE INDEX "organizations_name_core_idx" ON "organizations" USING btree (regexp_replace(name_norm, '(（集团）|\(集团\)|集团|股份有限公司|有限责任公司|有限公司|股份公司|总公司|公司)+$', ''::text));--> statement-breakpoint
CREATE INDEX "people_district_name_idx" ON "people" USING btree ("district_code","name","id");--> statement-breakpoint
CREATE INDEX "people_created_idx" ON "people" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "search_documents_list_name_idx" ON "search_documents" USING btree ("entity_type","pinyin_full","entity_id");--> statement-breakpoint
CREATE INDEX "search_documents_list_district_idx" ON "search_documents" USING btree ("entity_type","district_code","pinyin_full","entity_id");--> statement-breakpoint
CREATE INDEX "search_documents_list_kind_idx" ON "search_documents" USING btree ("entity_type","kind","pinyin_full","entity_id");--> statement-breakpoint
UPDATE "search_documents" d SET "kind" = o."kind" FROM "organizations" o WHERE d."entity_type" = 'organization' AND d."entity_id" = o."id";--> statement-breakpoint
UPDATE "search_documents" d SET "kind" = n."kind" FROM "networks" n WHERE d."entity_type" = 'network' AND d."entity_id" = n."id";--> statement-breakpoint
UPDATE "search_documents" d SET "kind" = p."kind" FROM "places" p WHERE d."entity_type" = 'place' AND d."entity_id" = p."id";
