import type { AttachmentUpload } from 'ngx-stream-chat';
import { fakeUploadUrl, putUploads, uploadStart, withoutUploads } from './fake-uploads';

describe('fake uploads', () => {
  const notes = new File(['12345'], 'notes.txt', { type: 'text/plain' });
  const photo = new File(['1'], 'my photo.png', { type: 'image/png' });

  it('starts an upload with nothing sent, keeping what the app gave', () => {
    const start = uploadStart({
      file: photo,
      type: 'image',
      state: 'error',
      error: undefined,
      previewUri: 'blob:photo',
      url: 'https://old',
    });
    expect(start).toEqual({
      file: photo,
      type: 'image',
      state: 'uploading',
      progress: 0,
      previewUri: 'blob:photo',
    });
  });

  it('replaces the entry of a listed file, adds the others, and removes by file', () => {
    const listed: AttachmentUpload[] = [{ file: notes, type: 'file', state: 'error' }];
    const retried = uploadStart(listed[0]);
    const added = uploadStart({ file: photo, type: 'image', state: 'uploading' });

    const put = putUploads(listed, [retried, added]);

    expect(put).toEqual([retried, added]);
    expect(withoutUploads(put, [notes])).toEqual([added]);
  });

  it('stores files at a URL nothing answers at', () => {
    expect(fakeUploadUrl('messaging:general', photo)).toBe(
      'https://uploads.fake.invalid/messaging:general/my%20photo.png',
    );
  });
});
