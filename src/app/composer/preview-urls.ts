/**
 * Object URLs that show picked images before they are uploaded, one per file, revoked once the
 * file leaves the composer (sent, removed, or the composer is destroyed).
 */
export class PreviewUrls {
  private readonly urls = new Map<File, string>();

  constructor(
    private readonly create: (file: File) => string = (file) => URL.createObjectURL(file),
    private readonly revoke: (url: string) => void = (url) => URL.revokeObjectURL(url),
  ) {}

  /** The preview URL of an image (made on first use); `undefined` for other files. */
  urlFor(file: File): string | undefined {
    if (!file.type.startsWith('image/')) {
      return undefined;
    }
    let url = this.urls.get(file);
    if (!url) {
      url = this.create(file);
      this.urls.set(file, url);
    }
    return url;
  }

  /** Revokes the URLs of files not in `files`. */
  keepOnly(files: readonly File[]): void {
    const kept = new Set(files);
    for (const [file, url] of this.urls) {
      if (!kept.has(file)) {
        this.revoke(url);
        this.urls.delete(file);
      }
    }
  }

  /** Revokes every URL. */
  clear(): void {
    this.keepOnly([]);
  }
}
