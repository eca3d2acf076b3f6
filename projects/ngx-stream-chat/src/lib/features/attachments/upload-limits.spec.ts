import type { AttachmentUpload } from '../../attachment-upload';
import {
  DEFAULT_UPLOAD_SIZE_LIMIT,
  refusedUploads,
  uploadLimitBreach,
  uploadLimitsOf,
} from './upload-limits';

const file = (name: string, type = '', size = 10) => ({ name, type, size });

describe('uploadLimitBreach', () => {
  it('lets everything through without a config, or with an empty one', () => {
    expect(uploadLimitBreach(file('a.exe'), undefined)).toBeUndefined();
    expect(uploadLimitBreach(file('a.exe', 'x/y', 1000), {})).toBeUndefined();
  });

  it('takes allowed extensions as case-insensitive name suffixes', () => {
    const config = { allowed_file_extensions: ['.PNG', '.jpg'] };
    expect(uploadLimitBreach(file('cat.png'), config)).toBeUndefined();
    expect(uploadLimitBreach(file('cat.gif'), config)).toEqual({
      limit: 'allowed_file_extensions',
      problem: 'its name does not end with an allowed extension (".PNG", ".jpg")',
    });
  });

  it('refuses blocked extensions whatever their case', () => {
    expect(uploadLimitBreach(file('Setup.EXE'), { blocked_file_extensions: ['.exe'] })).toEqual({
      limit: 'blocked_file_extensions',
      problem: 'its extension ".exe" is blocked',
    });
  });

  it('compares MIME types case-insensitively, refusing unknown types when a list is allowed', () => {
    const allowed = { allowed_mime_types: ['image/png'] };
    expect(uploadLimitBreach(file('a', 'IMAGE/PNG'), allowed)).toBeUndefined();
    expect(uploadLimitBreach(file('a', ''), allowed)?.limit).toBe('allowed_mime_types');
    expect(uploadLimitBreach(file('a', 'text/csv'), { blocked_mime_types: ['Text/CSV'] })).toEqual({
      limit: 'blocked_mime_types',
      problem: 'its type "text/csv" is blocked',
    });
  });

  it('refuses files over the size limit, and over 100 MB when the limit is 0 or unset', () => {
    expect(uploadLimitBreach(file('a', '', 10), { size_limit: 10 })).toBeUndefined();
    expect(uploadLimitBreach(file('a', '', 11), { size_limit: 10 })).toEqual({
      limit: 'size_limit',
      problem: 'it is 11 bytes, over the size limit of 10 bytes',
    });
    const huge = file('a', '', DEFAULT_UPLOAD_SIZE_LIMIT + 1);
    expect(uploadLimitBreach(huge, { size_limit: 0 })?.limit).toBe('size_limit');
    expect(uploadLimitBreach(huge, { size_limit: null })?.limit).toBe('size_limit');
  });

  it('reports the first limit broken, in the order of Stream’s composer', () => {
    const config = {
      allowed_file_extensions: ['.txt'],
      blocked_file_extensions: ['.exe'],
      blocked_mime_types: ['x/y'],
      size_limit: 1,
    };
    expect(uploadLimitBreach(file('a.exe', 'x/y', 5), config)?.limit).toBe(
      'allowed_file_extensions',
    );
    expect(uploadLimitBreach(file('a.txt', 'x/y', 5), config)?.limit).toBe('blocked_mime_types');
    expect(uploadLimitBreach(file('a.txt', 'text/plain', 5), config)?.limit).toBe('size_limit');
  });
});

describe('refusedUploads', () => {
  const upload = (name: string, type: AttachmentUpload['type'], size = 10): AttachmentUpload => ({
    file: new File([new Uint8Array(size)], name),
    type,
    state: 'uploading',
  });

  it('checks images against the image config and other files against the file config', () => {
    const limits = uploadLimitsOf({
      duration: '1ms',
      app: {
        file_upload_config: { size_limit: 5 },
        image_upload_config: { blocked_file_extensions: ['.gif'] },
      },
    } as never);

    const refused = refusedUploads(
      [upload('a.gif', 'image'), upload('b.gif', 'file', 3), upload('c.png', 'image', 50)],
      limits,
    );

    expect(refused).toEqual([
      {
        fileName: 'a.gif',
        config: 'image_upload_config',
        breach: expect.objectContaining({ limit: 'blocked_file_extensions' }),
      },
    ]);
    expect(refusedUploads([upload('d.txt', 'file', 6)], limits)[0]).toMatchObject({
      config: 'file_upload_config',
      breach: { limit: 'size_limit' },
    });
  });
});
