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
ALTER TABLE "import_error_reports" ADD CONSTRAINT "import_error_reports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_error_reports_expires_idx" ON "import_error_reports" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "organizations_name_core_idx" ON "organizations" USING btree (regexp_replace(name_norm, '(（集团）|\(集团\)|集团|股份有限公司|有限责任公司|有限公司|股份公司|总公司|公司)+$', ''::text));