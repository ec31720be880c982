CREATE TABLE "affiliations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"organization_id" uuid,
	"organization_name" text NOT NULL,
	"position" text,
	"start_on" date,
	"end_on" date,
	"is_contact" boolean DEFAULT false NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "industries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"parent_id" uuid,
	"description" text,
	"sort" integer DEFAULT 0 NOT NULL,
	"demo_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "industry_links" (
	"upstream_id" uuid NOT NULL,
	"downstream_id" uuid NOT NULL,
	"note" text,
	CONSTRAINT "industry_links_upstream_id_downstream_id_pk" PRIMARY KEY("upstream_id","downstream_id"),
	CONSTRAINT "industry_links_not_self" CHECK ("industry_links"."upstream_id" <> "industry_links"."downstream_id")
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"organization_id" uuid,
	"person_id" uuid,
	"tier" text NOT NULL,
	"role" text,
	"joined_on" date,
	"left_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_one_member" CHECK (("memberships"."organization_id" is null) <> ("memberships"."person_id" is null))
);
--> statement-breakpoint
CREATE TABLE "networks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"name_norm" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"parent_id" uuid,
	"district_code" text,
	"description" text,
	"declared_counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"demo_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organization_industries" (
	"organization_id" uuid NOT NULL,
	"industry_id" uuid NOT NULL,
	CONSTRAINT "organization_industries_organization_id_industry_id_pk" PRIMARY KEY("organization_id","industry_id")
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"name_norm" text DEFAULT '' NOT NULL,
	"roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"expertise" text[] DEFAULT '{}'::text[] NOT NULL,
	"bio" text,
	"phone" text,
	"email" text,
	"political_affiliation" text,
	"political_consent" boolean DEFAULT false NOT NULL,
	"district_code" text,
	"demo_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_industries" (
	"person_id" uuid NOT NULL,
	"industry_id" uuid NOT NULL,
	CONSTRAINT "person_industries_person_id_industry_id_pk" PRIMARY KEY("person_id","industry_id")
);
--> statement-breakpoint
CREATE TABLE "places" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"district_code" text,
	"address" text,
	"lng" double precision,
	"lat" double precision,
	"description" text,
	"demo_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_documents" (
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"title" text NOT NULL,
	"subtitle" text,
	"body" text DEFAULT '' NOT NULL,
	"district_code" text,
	"industry_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"tokens" "tsvector" NOT NULL,
	"title_norm" text NOT NULL,
	"pinyin_full" text DEFAULT '' NOT NULL,
	"pinyin_initials" text DEFAULT '' NOT NULL,
	"boost" real DEFAULT 0 NOT NULL,
	CONSTRAINT "search_documents_entity_type_entity_id_pk" PRIMARY KEY("entity_type","entity_id")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "permissions" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "name_norm" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "aliases" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "former_names" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "lng" double precision;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "lat" double precision;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "size" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "website" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "affiliations" ADD CONSTRAINT "affiliations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "affiliations" ADD CONSTRAINT "affiliations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "industry_links" ADD CONSTRAINT "industry_links_upstream_id_industries_id_fk" FOREIGN KEY ("upstream_id") REFERENCES "public"."industries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "industry_links" ADD CONSTRAINT "industry_links_downstream_id_industries_id_fk" FOREIGN KEY ("downstream_id") REFERENCES "public"."industries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_industries" ADD CONSTRAINT "organization_industries_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_industries" ADD CONSTRAINT "organization_industries_industry_id_industries_id_fk" FOREIGN KEY ("industry_id") REFERENCES "public"."industries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_industries" ADD CONSTRAINT "person_industries_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_industries" ADD CONSTRAINT "person_industries_industry_id_industries_id_fk" FOREIGN KEY ("industry_id") REFERENCES "public"."industries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "affiliations_person_idx" ON "affiliations" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "affiliations_org_idx" ON "affiliations" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "industries_name_uq" ON "industries" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "industries_demo_key_uq" ON "industries" USING btree ("demo_key") WHERE "industries"."demo_key" is not null;--> statement-breakpoint
CREATE INDEX "memberships_network_idx" ON "memberships" USING btree ("network_id");--> statement-breakpoint
CREATE INDEX "memberships_org_idx" ON "memberships" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "memberships_person_idx" ON "memberships" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "networks_parent_idx" ON "networks" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "networks_district_idx" ON "networks" USING btree ("district_code");--> statement-breakpoint
CREATE UNIQUE INDEX "networks_demo_key_uq" ON "networks" USING btree ("demo_key") WHERE "networks"."demo_key" is not null;--> statement-breakpoint
CREATE INDEX "organization_industries_industry_idx" ON "organization_industries" USING btree ("industry_id");--> statement-breakpoint
CREATE INDEX "people_name_norm_idx" ON "people" USING btree ("name_norm");--> statement-breakpoint
CREATE INDEX "people_district_idx" ON "people" USING btree ("district_code");--> statement-breakpoint
CREATE INDEX "people_phone_idx" ON "people" USING btree ("phone");--> statement-breakpoint
CREATE UNIQUE INDEX "people_demo_key_uq" ON "people" USING btree ("demo_key") WHERE "people"."demo_key" is not null;--> statement-breakpoint
CREATE INDEX "places_district_idx" ON "places" USING btree ("district_code");--> statement-breakpoint
CREATE UNIQUE INDEX "places_demo_key_uq" ON "places" USING btree ("demo_key") WHERE "places"."demo_key" is not null;--> statement-breakpoint
CREATE INDEX "search_documents_tokens_idx" ON "search_documents" USING gin ("tokens");--> statement-breakpoint
CREATE INDEX "search_documents_pinyin_full_idx" ON "search_documents" USING btree ("pinyin_full" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "search_documents_pinyin_initials_idx" ON "search_documents" USING btree ("pinyin_initials" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "search_documents_title_norm_idx" ON "search_documents" USING btree ("title_norm" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "search_documents_district_idx" ON "search_documents" USING btree ("district_code");--> statement-breakpoint
CREATE INDEX "search_documents_industries_idx" ON "search_documents" USING gin ("industry_ids");--> statement-breakpoint
CREATE INDEX "organizations_name_norm_idx" ON "organizations" USING btree ("name_norm");--> statement-breakpoint
CREATE INDEX "organizations_name_trgm_idx" ON "organizations" USING gin ("name_norm" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "organizations_aliases_idx" ON "organizations" USING gin ("aliases");