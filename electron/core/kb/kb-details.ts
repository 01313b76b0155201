/**
 * What the KB carries beyond what search needs — each provision's wording over time and the
 * lead-ins above it, the national procedure database in full — read after the first answer, not
 * before it. Why: ~10 MB of JSON text, a good part of the server's start, read only by the record
 * screen, the decree reader, the statistics and the cross-check. They are read through the same
 * connection the KB was opened with (the file that was verified), which is closed once they are in.
 * The CLI and the app read them at open (open.ts), as before; the server does a second later.
 */
import type Database from 'better-sqlite3';
import type { LinkedProcedure, ProvisionVersion } from '../results';
import type { NationalProcedure } from '../procedures/portal';

interface DetailRow {
  key: string;
  versions: string;
  lead_in: string;
}

export type NationalEntry = LinkedProcedure | NationalProcedure;

export class KbDetails {
  private readonly versions = new Map<string, ProvisionVersion[]>();
  private readonly leadIns = new Map<string, string[]>();
  private readonly nationalByCode = new Map<string, NationalEntry>();

  constructor(private db: Database.Database | null) {}

  /** Reads all of it (at most once) and lets go of the file. */
  load(): void {
    const db = this.db;
    if (!db) return;
    try {
      for (const row of db.prepare('SELECT key, versions, lead_in FROM provisions').all() as DetailRow[]) {
        this.versions.set(row.key, JSON.parse(row.versions) as ProvisionVersion[]);
        this.leadIns.set(row.key, JSON.parse(row.lead_in) as string[]);
      }
      for (const row of db.prepare('SELECT code, json FROM national_procedures ORDER BY code').all() as Array<{ code: string; json: string }>) {
        this.nationalByCode.set(row.code, JSON.parse(row.json) as NationalEntry);
      }
    } finally {
      this.db = null;
      db.close();
    }
  }

  /** Lets go of the file without reading (a KB refused after all). */
  drop(): void {
    this.db?.close();
    this.db = null;
  }

  /** Wording of one provision over time, oldest first (undefined: no such provision). */
  versionsOf(key: string): ProvisionVersion[] | undefined {
    this.load();
    return this.versions.get(key);
  }

  leadInOf(key: string): string[] {
    this.load();
    return this.leadIns.get(key) ?? [];
  }

  /** Every provision's wording over time (the statistics count them all). */
  allVersions(): ReadonlyMap<string, ProvisionVersion[]> {
    this.load();
    return this.versions;
  }

  /** The national procedure database by code (with the link's cross-check when linked). */
  national(): ReadonlyMap<string, NationalEntry> {
    this.load();
    return this.nationalByCode;
  }
}
