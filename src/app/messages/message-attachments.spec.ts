import { TestBed } from '@angular/core/testing';
import { MessageAttachments, shownAttachments } from './message-attachments';

describe('MessageAttachments', () => {
  const image = { type: 'image', image_url: 'http://cdn/p.png', fallback: 'p.png' };
  const file = { type: 'file', asset_url: 'http://cdn/n.pdf', title: 'n.pdf', file_size: 2400 };

  it('shows images and files, and leaves out what it cannot show', () => {
    expect(shownAttachments([image, file, { type: 'giphy' }])).toEqual([
      { kind: 'image', url: 'http://cdn/p.png', thumb: 'http://cdn/p.png', name: 'p.png' },
      { kind: 'file', url: 'http://cdn/n.pdf', name: 'n.pdf', size: '2.4 kB' },
    ]);
    expect(shownAttachments(undefined)).toEqual([]);
  });

  it('links the image and the file, with their names as text alternatives', async () => {
    const fixture = TestBed.createComponent(MessageAttachments);
    fixture.componentRef.setInput('attachments', [image, file]);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const img = element.querySelector<HTMLImageElement>('[data-testid="message-image"] img')!;
    expect(img.alt).toBe('p.png');
    expect(img.src).toBe('http://cdn/p.png');
    const link = element.querySelector<HTMLAnchorElement>('[data-testid="message-file"]')!;
    expect(link.href).toBe('http://cdn/n.pdf');
    expect(link.textContent).toContain('n.pdf');
    expect(link.textContent).toContain('2.4 kB');
  });

  it('drops a javascript: URL', async () => {
    const fixture = TestBed.createComponent(MessageAttachments);
    fixture.componentRef.setInput('attachments', [
      { type: 'file', asset_url: 'javascript:alert(1)', title: 'x' },
    ]);
    await fixture.whenStable();
    const link = (fixture.nativeElement as HTMLElement).querySelector('a')!;
    expect(link.getAttribute('href')).toMatch(/^unsafe:/);
  });
});
