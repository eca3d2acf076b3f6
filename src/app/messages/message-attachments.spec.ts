import { formatBytes, shownAttachments } from './message-attachments';

describe('shownAttachments', () => {
  it('shows images and files with web addresses, and leaves the others out', () => {
    expect(
      shownAttachments([
        { type: 'image', image_url: 'https://cdn.test/a.png', fallback: 'a.png' },
        { type: 'file', asset_url: 'http://cdn.test/b.pdf', title: 'b.pdf', file_size: 2048 },
        { type: 'file', asset_url: 'javascript:alert(1)', title: 'evil' },
        { type: 'image', image_url: 'data:image/png;base64,xyz' },
      ]),
    ).toEqual([
      { kind: 'image', url: 'https://cdn.test/a.png', name: 'a.png' },
      { kind: 'file', url: 'http://cdn.test/b.pdf', name: 'b.pdf', size: '2 KB' },
    ]);
    expect(shownAttachments(undefined)).toEqual([]);
  });

  it('writes sizes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(3.4 * 1024 * 1024)).toBe('3.4 MB');
  });
});
