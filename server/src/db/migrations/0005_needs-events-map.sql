CREATE TABLE "areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"district_code" text,
	"geometry" jsonb NOT NULL,
	"min_lng" double precision NOT NULL,
	"min_lat" double precision NOT NULL,
	"max_lng" double precision NOT NULL,
	"max_lat" double precision NOT NULL,
	"area_km2" double precision NOT NULL,
	"approximate" boolean DEFAULT false NOT NULL,
	"note" text,
	"published" boolean DEFAULT false NOT NULL,
	"demo_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "place_networks" (
	"place_id" uuid NOT NULL,
	"network_id" uuid NOT NULL,
	CONSTRAINT "place_networks_place_id_network_id_pk" PRIMARY KEY("place_id","network_id")
);
--> statement-breakpoint
CREATE TABLE "place_relations" (
	"place_id" uuid PRIMARY KEY NOT NULL,
	"parent_place_id" uuid,
	"operator_organization_id" uuid
);
--> statement-breakpoint
CREATE TABLE "routes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"district_code" text,
	"place_ids" jsonb NOT NULL,
	"legs_m" jsonb NOT NULL,
	"total_m" double precision NOT NULL,
	"note" text,
	"published" boolean DEFAULT false NOT NULL,
	"demo_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "account_links" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid,
	"person_id" uuid
);
--> statement-breakpoint
CREATE TABLE "inbox_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"need_id" uuid,
	"message" text NOT NULL,
	"dedupe_key" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"dedupe_key" text,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 5 NOT NULL,
	"locked_by" text,
	"locked_until" timestamp with time zone,
	"done_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "match_weight_versions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"weights" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "need_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"need_id" uuid NOT NULL,
	"person_id" uuid,
	"organization_id" uuid,
	"status" text DEFAULT 'proposed' NOT NULL,
	"reason" text,
	"score" real,
	"assigned_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "need_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"need_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "need_deadline_presets" (
	"category" text PRIMARY KEY NOT NULL,
	"respond_days" integer NOT NULL,
	"resolve_days" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "need_timeline" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"need_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"industry_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"district_code" text,
	"urgency" text DEFAULT 'normal' NOT NULL,
	"wanted_by" date,
	"status" text DEFAULT 'submitted' NOT NULL,
	"respond_by" date,
	"resolve_by" date,
	"responded_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"rating" integer,
	"rating_comment" text,
	"demo" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"need_id" uuid,
	"organization_id" uuid,
	"provider_person_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"provider_organization_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"served_on" date NOT NULL,
	"kind" text NOT NULL,
	"hours" real,
	"people_served" integer DEFAULT 0 NOT NULL,
	"outcome" text DEFAULT '' NOT NULL,
	"district_code" text,
	"demo" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_calendar" (
	"day" date PRIMARY KEY NOT NULL,
	"working" boolean NOT NULL,
	"name" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
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
ALTER TABLE "place_networks" ADD CONSTRAINT "place_networks_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "place_networks" ADD CONSTRAINT "place_networks_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "place_relations" ADD CONSTRAINT "place_relations_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "place_relations" ADD CONSTRAINT "place_relations_parent_place_id_places_id_fk" FOREIGN KEY ("parent_place_id") REFERENCES "public"."places"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "place_relations" ADD CONSTRAINT "place_relations_operator_organization_id_organizations_id_fk" FOREIGN KEY ("operator_organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_links" ADD CONSTRAINT "account_links_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_links" ADD CONSTRAINT "account_links_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_links" ADD CONSTRAINT "account_links_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_items" ADD CONSTRAINT "inbox_items_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_items" ADD CONSTRAINT "inbox_items_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_assignments" ADD CONSTRAINT "need_assignments_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_assignments" ADD CONSTRAINT "need_assignments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_assignments" ADD CONSTRAINT "need_assignments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_attachments" ADD CONSTRAINT "need_attachments_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_timeline" ADD CONSTRAINT "need_timeline_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
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
CREATE INDEX "areas_district_idx" ON "areas" USING btree ("district_code");--> statement-breakpoint
CREATE UNIQUE INDEX "areas_demo_key_uq" ON "areas" USING btree ("demo_key") WHERE "areas"."demo_key" is not null;--> statement-breakpoint
CREATE INDEX "place_networks_network_idx" ON "place_networks" USING btree ("network_id");--> statement-breakpoint
CREATE INDEX "place_relations_parent_idx" ON "place_relations" USING btree ("parent_place_id");--> statement-breakpoint
CREATE INDEX "place_relations_operator_idx" ON "place_relations" USING btree ("operator_organization_id");--> statement-breakpoint
CREATE INDEX "routes_district_idx" ON "routes" USING btree ("district_code");--> statement-breakpoint
CREATE UNIQUE INDEX "routes_demo_key_uq" ON "routes" USING btree ("demo_key") WHERE "routes"."demo_key" is not null;--> statement-breakpoint
CREATE INDEX "inbox_items_user_idx" ON "inbox_items" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "inbox_items_dedupe_idx" ON "inbox_items" USING btree ("user_id","dedupe_key");--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_dedupe_idx" ON "jobs" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "jobs_due_idx" ON "jobs" USING btree ("run_at") WHERE done_at is null and failed_at is null;--> statement-breakpoint
CREATE INDEX "need_assignments_need_idx" ON "need_assignments" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "need_assignments_person_idx" ON "need_assignments" USING btree ("person_id","status");--> statement-breakpoint
CREATE INDEX "need_attachments_need_idx" ON "need_attachments" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "need_timeline_need_idx" ON "need_timeline" USING btree ("need_id","at");--> statement-breakpoint
CREATE INDEX "needs_org_idx" ON "needs" USING btree ("organization_id","status");--> statement-breakpoint
CREATE INDEX "needs_district_idx" ON "needs" USING btree ("district_code","status");--> statement-breakpoint
CREATE INDEX "needs_status_idx" ON "needs" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "service_records_need_idx" ON "service_records" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "service_records_org_idx" ON "service_records" USING btree ("organization_id");--> statement-breakpoint
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
CREATE INDEX "reported_figures_agreement_idx" ON "reported_figures" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "search_documents_person_tokens_idx" ON "search_documents" USING gin ("tokens") WHERE "search_documents"."entity_type" = 'person';