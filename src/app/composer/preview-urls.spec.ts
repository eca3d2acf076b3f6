import { PreviewUrls } from './preview-urls';

describe('PreviewUrls', () => {
  const image = new File(['x'], 'photo.png', { type: 'image/png' });
  const other = new File(['y'], 'notes.txt', { type: 'text/plain' });

  function urls() {
    const revoked: string[] = [];
    let made = 0;
    const previews = new PreviewUrls(
      (file) => `blob:${file.name}#${++made}`,
      (url) => revoked.push(url),
    );
    return { previews, revoked };
  }

  it('makes one URL per image, and none for other files', () => {
    const { previews } = urls();
    expect(previews.urlFor(image)).toBe('blob:photo.png#1');
    expect(previews.urlFor(image)).toBe('blob:photo.png#1');
    expect(previews.urlFor(other)).toBeUndefined();
  });

  it('revokes the URLs of files that left, and all of them on clear', () => {
    const { previews, revoked } = urls();
    const second = new File(['z'], 'second.png', { type: 'image/png' });
    previews.urlFor(image);
    previews.urlFor(second);
    previews.keepOnly([second]);
    expect(revoked).toEqual(['blob:photo.png#1']);
    previews.clear();
    expect(revoked).toEqual(['blob:photo.png#1', 'blob:second.png#2']);
  });
});
