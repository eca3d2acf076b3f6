import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Attachment } from 'stream-chat';

/** An attachment as the demo shows it: an image, or a file to download. */
export interface ShownAttachment {
  kind: 'image' | 'file';
  url: string;
  name: string;
  /** The file's size in words ("12 KB"), if known. */
  size?: string;
}

/** "512 B", "12 KB", "3.4 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Whether a link may be shown: only http(s) addresses (no `javascript:` or `data:`). */
function isWebUrl(url: string | undefined): url is string {
  return !!url && /^https?:\/\//i.test(url);
}

/**
 * The images and files of a message, as `withAttachments()` sends them (`type` `'image'` with
 * `image_url`, other files with `asset_url`); attachments without a web address are left out.
 */
export function shownAttachments(
  attachments: readonly Attachment[] | undefined,
): ShownAttachment[] {
  const shown: ShownAttachment[] = [];
  for (const attachment of attachments ?? []) {
    const image =
      attachment.type === 'image' ? attachment.image_url || attachment.thumb_url : undefined;
    const name = attachment.title || attachment.fallback || (image ? 'Image' : 'File');
    if (isWebUrl(image)) {
      shown.push({ kind: 'image', url: image, name });
    } else if (isWebUrl(attachment.asset_url)) {
      const bytes = Number(attachment.file_size);
      shown.push({
        kind: 'file',
        url: attachment.asset_url,
        name,
        ...(bytes > 0 ? { size: formatBytes(bytes) } : {}),
      });
    }
  }
  return shown;
}

/** The images (as thumbnails that open the full picture) and files (download links) of a message. */
@Component({
  selector: 'demo-message-attachments',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="attachments">
      @for (attachment of shown(); track $index) {
        <li>
          @if (attachment.kind === 'image') {
            <a class="image" [href]="attachment.url" target="_blank" rel="noopener">
              <img [src]="attachment.url" [alt]="attachment.name" loading="lazy" />
            </a>
          } @else {
            <a class="file" [href]="attachment.url" target="_blank" rel="noopener" download>
              <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
                <path fill="currentColor" d="M5 2h6l4 4v12H5V2Zm6 1.5V7h3.5L11 3.5Z" />
              </svg>
              <span class="name">{{ attachment.name }}</span>
              @if (attachment.size) {
                <span class="size">{{ attachment.size }}</span>
              }
            </a>
          }
        </li>
      }
    </ul>
  `,
  styles: `
    .attachments {
      display: flex;
      flex-wrap: wrap;
      gap: var(--space-1);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .image img {
      display: block;
      max-width: min(240px, 100%);
      max-height: 200px;
      border: 1px solid var(--border);
      border-radius: var(--radius);
      object-fit: cover;
    }
    .file {
      display: inline-flex;
      align-items: center;
      gap: var(--space-2);
      max-width: 100%;
      padding: var(--space-2) var(--space-3);
      border: 1px solid var(--border);
      border-radius: var(--radius);
      background: var(--surface);
      color: var(--text);
      text-decoration: none;
    }
    .name {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .size {
      color: var(--muted);
      font-size: var(--text-xs);
    }
  `,
})
export class MessageAttachments {
  /** The message's attachments. */
  readonly attachments = input.required<readonly Attachment[] | undefined>();

  protected readonly shown = computed(() => shownAttachments(this.attachments()));
}
