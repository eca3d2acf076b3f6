import { StreamChatError } from '../../stream-chat-errors';
import { uploadFailureOf } from './upload-failure';

const refusal = (code: number | undefined, message: string) =>
  new StreamChatError('invalid-input', message, { code });

describe('uploadFailureOf', () => {
  it('reads a size refusal (code 4 naming bytes) as file-size, with the limit in MB', () => {
    const error = refusal(4, 'Server said: "file size exceeds the limit of 2097152 bytes"');
    expect(uploadFailureOf(error)).toEqual({
      errorReason: 'file-size',
      errorExtraInfo: [{ param: '2MB' }],
    });
  });

  it('reads code 22 as file-size, with a limit given in MB', () => {
    expect(uploadFailureOf(refusal(22, 'request too large: max 50MB'))).toEqual({
      errorReason: 'file-size',
      errorExtraInfo: [{ param: '50MB' }],
    });
    expect(uploadFailureOf(refusal(22, 'too large'))).toEqual({ errorReason: 'file-size' });
  });

  it('reads an extension refusal as file-extension, with the extension as written', () => {
    expect(uploadFailureOf(refusal(4, 'file extension .EXE is not allowed'))).toEqual({
      errorReason: 'file-extension',
      errorExtraInfo: [{ param: '.EXE' }],
    });
  });

  it('reads anything else as unknown', () => {
    expect(uploadFailureOf(refusal(4, 'mime type text/csv is not allowed'))).toEqual({
      errorReason: 'unknown',
    });
    expect(uploadFailureOf(new StreamChatError('network', 'Network Error'))).toEqual({
      errorReason: 'unknown',
    });
    expect(uploadFailureOf(refusal(undefined, 'upload of 12 bytes failed'))).toEqual({
      errorReason: 'unknown',
    });
  });
});
