import type { Extraction, LinkBody, LinkResult } from '../../../../common/schemas/ingest';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { forbidden } from '../../lib/errors';
import { changesRecords } from '../../lib/visibility';
import { extractReportText } from './ingest';
import { readReportFile, type ReportFile } from './input';
import { linkExtraction } from './link.service';

/** Coordinators and admins turn reports into records (they keep the directory: lib/visibility.ts's change rule). */
export const canIngest = (actor: Actor) => changesRecords(actor);

export function createIngestService({ db }: { db: Db }) {
  return {
    /** The directory records each extracted organisation and person may be (scoped to the actor). */
    async link(actor: Actor, body: LinkBody): Promise<LinkResult> {
      if (!canIngest(actor)) throw forbidden();
      return linkExtraction(db, actor, body);
    },
    /** A pasted report (text or HTML) → its extraction. */
    extractText(actor: Actor, text: string): Extraction {
      if (!canIngest(actor)) throw forbidden();
      return extractReportText(text, { encoding: null });
    },
    /** An uploaded .txt / .html / .docx → its extraction, with the detected encoding. */
    async extractFile(actor: Actor, file: ReportFile): Promise<Extraction> {
      if (!canIngest(actor)) throw forbidden();
      return readReportFile(file);
    },
  };
}
export type IngestService = ReturnType<typeof createIngestService>;
