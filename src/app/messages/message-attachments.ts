import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Attachment } from 'stream-chat';
import { formatFileSize } from '../composer/file-size';

/** An attachment as a message shows it. */
type ShownAttachment =
  | { kind: 'image'; url: string; thumb: string; name: string }
  | { kind: 'file'; url: string; name: string; size: string };

/** The images and files of an attachment list; links, previews and others are left out. */
export function shownAttachments(
  attachments: readonly Attachment[] | undefined,
): ShownAttachment[] {
  const shown: ShownAttachment[] = [];
  for (const attachment of attachments ?? []) {
    const name = attachment.title || attachment.fallback || 'attachment';
    if (attachment.type === 'image' && attachment.image_url) {
      const thumb = attachment.thumb_url || attachment.image_url;
      shown.push({ kind: 'image', url: attachment.image_url, thumb, name });
    } else if (attachment.asset_url && attachment.type !== 'image') {
      const size = typeof attachment.file_size === 'number' ? attachment.file_size : Number.NaN;
      shown.push({ kind: 'file', url: attachment.asset_url, name, size: formatFileSize(size) });
    }
  }
  return shown;
}

/**
 * A message's images (a thumbnail that opens the full image) and files (a card that opens or
 * downloads the file). URLs go through Angular's URL sanitizer.
 */
@Component({
  selector: 'demo-message-attachments',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (item of items(); track $index) {
      @if (item.kind === 'image') {
        <a
          class="image"
          data-testid="message-image"
          target="_blank"
          rel="noopener"
          [href]="item.url"
          [attr.aria-label]="'Open image ' + item.name"
        >
          <img [src]="item.thumb" [alt]="item.name" loading="lazy" />
        </a>
      } @else {
        <a
          class="file"
          data-testid="message-file"
          target="_blank"
          rel="noopener"
          [href]="item.url"
          [attr.download]="item.name"
        >
          <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
            <path fill="currentColor" d="M5 2h7l4 4v12H5V2Zm7 1.5V7h3.5L12 3.5Z" />
          </svg>
          <span class="name">{{ item.name }}</span>
          @if (item.size) {
            <span class="size">{{ item.size }}</span>
          }
        </a>
      }
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      gap: var(--space-1);
      margin-top: var(--space-1);
    }
    .image img {
      display: block;
      max-width: min(260px, 100%);
      max-height: 220px;
      border-radius: var(--radius);
      object-fit: cover;
    }
    .image {
      max-width: 100%;
    }
    .file {
      display: flex;
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
    .file:hover {
      background: var(--surface-muted);
    }
    .name {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      font-weight: 500;
    }
    .size {
      flex: none;
      color: var(--muted);
      font-size: var(--text-xs);
    }
  `,
})
export class MessageAttachments {
  /** The message's attachments. */
  readonly attachments = input<Attachment[] | undefined>();

  protected readonly items = computed(() => shownAttachments(this.attachments()));
}
