import { TestBed } from '@angular/core/testing';
import { AttachmentUpload } from 'ngx-stream-chat';
import { AttachmentPreviews } from './attachment-previews';

describe('AttachmentPreviews', () => {
  const file = (name: string, type: string) => new File(['123'], name, { type });

  async function render(uploads: AttachmentUpload[]) {
    const fixture = TestBed.createComponent(AttachmentPreviews);
    fixture.componentRef.setInput(
      'items',
      uploads.map((upload) => ({
        upload,
        imageUrl: upload.type === 'image' ? 'blob:x' : undefined,
      })),
    );
    const removed: string[] = [];
    const retried: string[] = [];
    fixture.componentInstance.remove.subscribe((u) => removed.push(u.file.name));
    fixture.componentInstance.retry.subscribe((u) => retried.push(u.file.name));
    await fixture.whenStable();
    return { element: fixture.nativeElement as HTMLElement, removed, retried };
  }

  it('shows a thumbnail for images, a card for files, and labels each button by file', async () => {
    const { element, removed } = await render([
      { file: file('photo.png', 'image/png'), type: 'image', state: 'uploading', progress: 0.5 },
      { file: file('notes.txt', 'text/plain'), type: 'file', state: 'success', url: 'u' },
    ]);
    expect(element.querySelector('img')?.getAttribute('src')).toBe('blob:x');
    expect(element.querySelector('.thumb.file')?.textContent).toBe('txt');
    expect(element.querySelector('progress')?.value).toBe(50);
    element.querySelector<HTMLButtonElement>('[aria-label="Cancel upload of photo.png"]')!.click();
    element.querySelector<HTMLButtonElement>('[aria-label="Remove notes.txt"]')!.click();
    expect(removed).toEqual(['photo.png', 'notes.txt']);
  });

  it('offers Retry for failures that may pass, not for files over the limits', async () => {
    const { element, retried } = await render([
      { file: file('a.txt', 'text/plain'), type: 'file', state: 'error', errorReason: 'unknown' },
      { file: file('b.exe', 'x/y'), type: 'file', state: 'error', errorReason: 'file-extension' },
    ]);
    expect([...element.querySelectorAll('[role="alert"]')].map((e) => e.textContent)).toEqual([
      'Upload failed',
      'This type of file is not allowed',
    ]);
    expect(element.querySelector('[aria-label="Retry b.exe"]')).toBeNull();
    element.querySelector<HTMLButtonElement>('[aria-label="Retry a.txt"]')!.click();
    expect(retried).toEqual(['a.txt']);
  });
});
