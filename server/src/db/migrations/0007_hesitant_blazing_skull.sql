CREATE TABLE "enterprise_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"uscc" text NOT NULL,
	"organization_id" uuid NOT NULL,
	"district_code" text,
	"contact_name" text NOT NULL,
	"phone" text NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "enterprise_registrations" ADD CONSTRAINT "enterprise_registrations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_registrations" ADD CONSTRAINT "enterprise_registrations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_registrations" ADD CONSTRAINT "enterprise_registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enterprise_registrations_status_idx" ON "enterprise_registrations" USING btree ("status","district_code","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "enterprise_registrations_pending_username_uq" ON "enterprise_registrations" USING btree ("username") WHERE "enterprise_registrations"."status" = 'pending';