/**
 * The server's ETag of an object is its version in quotes; every write names the version it was based on
 * (If-Match), so that an edit made from an old copy is refused with 412 instead of overwriting someone else's.
 */
export function versionTag(version: number): string {
  return `"${version}"`;
}
