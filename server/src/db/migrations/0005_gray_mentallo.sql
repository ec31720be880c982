CREATE TABLE "agreement_commitments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"text" text NOT NULL,
	"owner" text,
	"due_on" date,
	"progress" integer DEFAULT 0 NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"organization_id" uuid,
	"name" text NOT NULL,
	"role" text,
	"signatory" text,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"signed_on" date,
	"term_years" integer,
	"description" text,
	"district_code" text,
	"review" text DEFAULT 'not_started' NOT NULL,
	"review_due_on" date,
	"note" text,
	"demo_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_group_experts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"person_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_group_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"place_id" uuid,
	"name" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_hosts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"organization_id" uuid,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"person_id" uuid,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"topic" text,
	"appointed_to" text,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"venue_id" uuid NOT NULL,
	"name" text NOT NULL,
	"organization" text,
	"phone" text,
	"role" text,
	"status" text NOT NULL,
	"code" text NOT NULL,
	"walk_in" boolean DEFAULT false NOT NULL,
	"checked_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_registrations_checkin_ck" CHECK (("event_registrations"."status" = 'checked_in') = ("event_registrations"."checked_in_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "event_topic_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"industry_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"note" text,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_venues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"role" text NOT NULL,
	"place_id" uuid,
	"name" text NOT NULL,
	"district_code" text,
	"capacity" integer,
	"taken" integer DEFAULT 0 NOT NULL,
	"checkin_code" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "event_venues_capacity_ck" CHECK ("event_venues"."capacity" is null or "event_venues"."taken" <= "event_venues"."capacity"),
	CONSTRAINT "event_venues_taken_ck" CHECK ("event_venues"."taken" >= 0)
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"description" text,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"status" text DEFAULT 'draft' NOT NULL,
	"district_code" text,
	"network_id" uuid,
	"requires_approval" boolean DEFAULT false NOT NULL,
	"series_id" uuid,
	"series_name" text,
	"sequence" integer,
	"series_total" integer,
	"recurrence" text,
	"note" text,
	"demo_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reported_figures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid,
	"agreement_id" uuid,
	"scope_type" text,
	"scope_ref" text,
	"label" text NOT NULL,
	"value" double precision NOT NULL,
	"qualifier" text NOT NULL,
	"unit" text NOT NULL,
	"counts" text,
	"period" text,
	"quote" text,
	"source" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agreement_commitments" ADD CONSTRAINT "agreement_commitments_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_parties" ADD CONSTRAINT "agreement_parties_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_parties" ADD CONSTRAINT "agreement_parties_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_group_experts" ADD CONSTRAINT "event_group_experts_group_id_event_topic_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."event_topic_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_group_experts" ADD CONSTRAINT "event_group_experts_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_group_points" ADD CONSTRAINT "event_group_points_group_id_event_topic_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."event_topic_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_group_points" ADD CONSTRAINT "event_group_points_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_hosts" ADD CONSTRAINT "event_hosts_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_hosts" ADD CONSTRAINT "event_hosts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_people" ADD CONSTRAINT "event_people_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_people" ADD CONSTRAINT "event_people_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_venue_id_event_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."event_venues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_topic_groups" ADD CONSTRAINT "event_topic_groups_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_venues" ADD CONSTRAINT "event_venues_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_venues" ADD CONSTRAINT "event_venues_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reported_figures" ADD CONSTRAINT "reported_figures_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reported_figures" ADD CONSTRAINT "reported_figures_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_commitments_agreement_idx" ON "agreement_commitments" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "agreement_commitments_due_idx" ON "agreement_commitments" USING btree ("due_on");--> statement-breakpoint
CREATE INDEX "agreement_parties_agreement_idx" ON "agreement_parties" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "agreements_event_idx" ON "agreements" USING btree ("event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agreements_demo_key_uq" ON "agreements" USING btree ("demo_key") WHERE "agreements"."demo_key" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "event_group_experts_uq" ON "event_group_experts" USING btree ("group_id","person_id");--> statement-breakpoint
CREATE INDEX "event_group_points_group_idx" ON "event_group_points" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "event_hosts_event_idx" ON "event_hosts" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "event_hosts_org_idx" ON "event_hosts" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "event_people_event_idx" ON "event_people" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "event_people_person_idx" ON "event_people" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_registrations_code_uq" ON "event_registrations" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "event_registrations_phone_uq" ON "event_registrations" USING btree ("venue_id","phone") WHERE "event_registrations"."phone" is not null and "event_registrations"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "event_registrations_venue_status_idx" ON "event_registrations" USING btree ("venue_id","status","created_at");--> statement-breakpoint
CREATE INDEX "event_registrations_event_idx" ON "event_registrations" USING btree ("event_id","created_at");--> statement-breakpoint
CREATE INDEX "event_topic_groups_event_idx" ON "event_topic_groups" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "event_venues_event_idx" ON "event_venues" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "event_venues_district_idx" ON "event_venues" USING btree ("district_code","event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_venues_main_uq" ON "event_venues" USING btree ("event_id") WHERE "event_venues"."role" = 'main';--> statement-breakpoint
CREATE UNIQUE INDEX "event_venues_checkin_code_uq" ON "event_venues" USING btree ("checkin_code");--> statement-breakpoint
CREATE INDEX "events_starts_idx" ON "events" USING btree ("starts_at","id");--> statement-breakpoint
CREATE INDEX "events_district_idx" ON "events" USING btree ("district_code");--> statement-breakpoint
CREATE INDEX "events_series_idx" ON "events" USING btree ("series_id","sequence");--> statement-breakpoint
CREATE UNIQUE INDEX "events_series_seq_uq" ON "events" USING btree ("series_id","sequence") WHERE "events"."series_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "events_demo_key_uq" ON "events" USING btree ("demo_key") WHERE "events"."demo_key" is not null;--> statement-breakpoint
CREATE INDEX "reported_figures_event_idx" ON "reported_figures" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "reported_figures_agreement_idx" ON "reported_figures" USING btree ("agreement_id");