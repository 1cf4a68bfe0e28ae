/**
 * An archive object already exists with different content. Archives are write-once: the
 * closing stops and raises the alarm instead of writing a second version.
 */
export class ArchiveConflict extends Error {
  readonly key: string;
  readonly archivedSha256: string;
  readonly computedSha256: string;
  constructor(key: string, archivedSha256: string, computedSha256: string) {
    super(`archive object ${key} exists with SHA-256 ${archivedSha256}; this run computed ${computedSha256}; nothing was overwritten`);
    this.name = 'ArchiveConflict';
    this.key = key;
    this.archivedSha256 = archivedSha256;
    this.computedSha256 = computedSha256;
  }
}
