CREATE INDEX "organizations_created_idx" ON "organizations" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "organizations_kind_created_idx" ON "organizations" USING btree ("kind","created_at","id");--> statement-breakpoint
CREATE INDEX "people_created_idx" ON "people" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "search_documents_list_name_idx" ON "search_documents" USING btree ("entity_type","pinyin_full","entity_id");--> statement-breakpoint
CREATE INDEX "search_documents_list_district_idx" ON "search_documents" USING btree ("entity_type","district_code","pinyin_full","entity_id");