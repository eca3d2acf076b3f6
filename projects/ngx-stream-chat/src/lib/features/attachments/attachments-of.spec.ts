import type { AttachmentUpload } from '../../attachment-upload';
import { attachmentUploadOf, attachmentsOf } from './attachments-of';

const photo = new File([new Uint8Array(4)], 'photo.png', { type: 'image/png' });
const notes = new File(['twelve bytes'], 'notes.txt', { type: 'text/plain' });

describe('attachmentUploadOf', () => {
  it('sends images by MIME type to the image endpoint, and everything else as files', () => {
    expect(attachmentUploadOf(photo)).toEqual({ file: photo, type: 'image', state: 'uploading' });
    expect(attachmentUploadOf(notes).type).toBe('file');
    expect(attachmentUploadOf(new File(['?'], 'unknown')).type).toBe('file');
  });
});

describe('attachmentsOf', () => {
  it('shapes successful uploads as the vendor does, in order', () => {
    const uploads: AttachmentUpload[] = [
      { file: photo, type: 'image', state: 'success', url: 'http://x/photo.png' },
      {
        file: notes,
        type: 'file',
        state: 'success',
        url: 'http://x/notes.txt',
        thumb_url: 'http://x/thumb.png',
        extraData: { title: 'Minutes' },
      },
    ];

    expect(attachmentsOf(uploads)).toEqual([
      {
        type: 'image',
        image_url: 'http://x/photo.png',
        fallback: 'photo.png',
        mime_type: 'image/png',
      },
      {
        type: 'file',
        asset_url: 'http://x/notes.txt',
        title: 'Minutes',
        mime_type: 'text/plain',
        file_size: 12,
        thumb_url: 'http://x/thumb.png',
      },
    ]);
  });

  it('leaves out uploads still uploading or failed, and gives back a sent attachment as it was', () => {
    const sent = { type: 'image', image_url: 'http://x/old.png' };
    const uploads: AttachmentUpload[] = [
      { file: photo, type: 'image', state: 'uploading', progress: 0.5 },
      { file: notes, type: 'file', state: 'error', errorReason: 'unknown' },
      { file: photo, type: 'image', state: 'success', url: sent.image_url, fromAttachment: sent },
    ];

    expect(attachmentsOf(uploads)).toEqual([sent]);
    expect(attachmentsOf([])).toEqual([]);
  });

  it('keeps the upload type of videos and voice recordings', () => {
    const video = new File([new Uint8Array(2)], 'clip.mp4', { type: 'video/mp4' });
    expect(
      attachmentsOf([{ file: video, type: 'video', state: 'success', url: 'http://x/clip.mp4' }]),
    ).toEqual([
      {
        type: 'video',
        asset_url: 'http://x/clip.mp4',
        title: 'clip.mp4',
        mime_type: 'video/mp4',
        file_size: 2,
      },
    ]);
  });
});
