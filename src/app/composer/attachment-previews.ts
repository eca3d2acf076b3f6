import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { AttachmentUpload } from 'ngx-stream-chat';
import { formatFileSize } from './file-size';

/** A file of the composer with its local preview. */
export interface AttachmentPreview {
  upload: AttachmentUpload;
  /** A local URL of the picked image, or its uploaded URL; `undefined` for other files. */
  imageUrl: string | undefined;
}

/**
 * The composer's files: a thumbnail or a file card each, its progress while it uploads, why it
 * failed with "Retry", and a button that cancels the upload or removes the file.
 */
@Component({
  selector: 'demo-attachment-previews',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [],
  template: `
    <ul class="previews" aria-label="Attachments">
      @for (item of items(); track item.upload.file) {
        <li
          class="preview"
          data-testid="attachment-preview"
          [attr.data-state]="item.upload.state"
          [class.failed]="item.upload.state === 'error'"
        >
          @if (item.imageUrl) {
            <img class="thumb" [src]="item.imageUrl" alt="" />
          } @else {
            <span class="thumb file" aria-hidden="true">{{ extensionOf(item.upload.file) }}</span>
          }
          <span class="info">
            <span class="name" [attr.title]="item.upload.file.name">{{
              item.upload.file.name
            }}</span>
            @switch (item.upload.state) {
              @case ('uploading') {
                <progress
                  max="100"
                  [value]="percent(item.upload)"
                  [attr.aria-label]="'Uploading ' + item.upload.file.name"
                ></progress>
              }
              @case ('error') {
                <span class="error" role="alert">{{ failure(item.upload) }}</span>
              }
              @default {
                <span class="size">{{ size(item.upload) }}</span>
              }
            }
          </span>
          @if (item.upload.state === 'error' && retriable(item.upload)) {
            <button
              type="button"
              class="button ghost small"
              [attr.aria-label]="'Retry ' + item.upload.file.name"
              (click)="retry.emit(item.upload)"
            >
              Retry
            </button>
          }
          <button
            type="button"
            class="button ghost icon small"
            [attr.aria-label]="
              (item.upload.state === 'uploading' ? 'Cancel upload of ' : 'Remove ') +
              item.upload.file.name
            "
            (click)="remove.emit(item.upload)"
          >
            <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
              <path
                fill="currentColor"
                d="M4.3 3.2 8 6.9l3.7-3.7 1.1 1.1L9.1 8l3.7 3.7-1.1 1.1L8 9.1l-3.7 3.7-1.1-1.1L6.9 8 3.2 4.3z"
              />
            </svg>
          </button>
        </li>
      }
    </ul>
  `,
  styles: `
    .previews {
      display: flex;
      flex-wrap: wrap;
      gap: var(--space-2);
      margin: 0 0 var(--space-2);
      padding: 0;
      list-style: none;
    }
    .preview {
      display: flex;
      align-items: center;
      gap: var(--space-2);
      max-width: 100%;
      width: 260px;
      padding: var(--space-1) var(--space-1) var(--space-1) var(--space-1);
      border: 1px solid var(--border);
      border-radius: var(--radius);
      background: var(--surface);
    }
    .preview.failed {
      border-color: var(--danger-border);
      background: var(--danger-surface);
    }
    .thumb {
      flex: none;
      width: 44px;
      height: 44px;
      border-radius: var(--radius-sm);
      object-fit: cover;
    }
    .thumb.file {
      display: grid;
      place-items: center;
      background: var(--accent-surface);
      color: var(--accent);
      font-size: var(--text-xs);
      font-weight: 700;
      text-transform: uppercase;
    }
    .info {
      display: grid;
      flex: 1;
      gap: 2px;
      min-width: 0;
      font-size: var(--text-sm);
    }
    .name {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      font-weight: 500;
    }
    .size {
      color: var(--muted);
      font-size: var(--text-xs);
    }
    .error {
      color: var(--danger);
      font-size: var(--text-xs);
    }
    progress {
      width: 100%;
      height: 6px;
      accent-color: var(--accent);
    }
    .small {
      min-height: 30px;
      padding: 0 var(--space-2);
    }
  `,
})
export class AttachmentPreviews {
  /** The files to show. */
  readonly items = input.required<AttachmentPreview[]>();
  /** Emits the upload to cancel or remove. */
  readonly remove = output<AttachmentUpload>();
  /** Emits the failed upload to send again. */
  readonly retry = output<AttachmentUpload>();

  protected extensionOf(file: File): string {
    const dot = file.name.lastIndexOf('.');
    return dot > 0 ? file.name.slice(dot + 1, dot + 5) : 'file';
  }

  protected percent(upload: AttachmentUpload): number {
    return Math.round((upload.progress ?? 0) * 100);
  }

  protected size(upload: AttachmentUpload): string {
    return formatFileSize(upload.file.size);
  }

  /** Size and type refusals will fail again: only other failures offer "Retry". */
  protected retriable(upload: AttachmentUpload): boolean {
    return upload.errorReason !== 'file-size' && upload.errorReason !== 'file-extension';
  }

  protected failure(upload: AttachmentUpload): string {
    switch (upload.errorReason) {
      case 'file-size':
        return 'Too large for this app';
      case 'file-extension':
        return 'This type of file is not allowed';
      default:
        return 'Upload failed';
    }
  }
}
