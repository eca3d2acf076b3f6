import { JsonObject } from '../../protocol/body-fields';
import { inputError } from '../../protocol/api-error';
import { RouteContext, RouteDefinition } from '../../http/route-table';
import { readUploadConfig } from './upload-config';
import { uploadsSlice } from './uploads-slice';

/** The app settings `PATCH /app` changes here. */
const UPLOAD_SETTINGS = ['file_upload_config', 'image_upload_config'];

/**
 * `PATCH /app` (server-side `client.updateAppSettings`): sets `file_upload_config` and
 * `image_upload_config`. Any other setting is refused (code 4), so nothing is half-applied.
 */
function updateUploadSettings(context: RouteContext): JsonObject {
  const keys = Object.keys(context.body);
  const unsupported = keys.filter((key) => !UPLOAD_SETTINGS.includes(key));
  if (unsupported.length > 0) {
    throw inputError(
      `app settings ${unsupported.join(', ')} are not supported by the emulator (only ${UPLOAD_SETTINGS.join(' and ')})`,
    );
  }
  if (keys.length === 0) {
    throw inputError('no app setting to update');
  }
  const body = context.body;
  const fileConfig =
    'file_upload_config' in body
      ? readUploadConfig(body['file_upload_config'], 'file_upload_config')
      : undefined;
  const imageConfig =
    'image_upload_config' in body
      ? readUploadConfig(body['image_upload_config'], 'image_upload_config')
      : undefined;
  const state = context.services.store.slice(uploadsSlice);
  state.fileConfig = fileConfig ?? state.fileConfig;
  state.imageConfig = imageConfig ?? state.imageConfig;
  context.services.store.changed();
  return {};
}

/** The app-settings endpoint, for the upload limits. */
export const appUploadSettingsRoutes: readonly RouteDefinition[] = [
  {
    method: 'PATCH',
    path: '/app',
    operation: 'UpdateApp',
    auth: 'server',
    handle: updateUploadSettings,
  },
];
