import { canWriteChannel } from '../../auth/channel-permissions';
import { EmulatorFeature } from '../emulator-feature';
import { appUploadSettingsRoutes } from './app-upload-settings-routes';
import { attachUploadsFolder } from './upload-folder';
import { uploadRoutes } from './upload-routes';
import { uploadServingRoutes } from './upload-serving';
import { uploadsSlice } from './uploads-slice';

/**
 * File and image uploads to channels: multipart upload, download (with `Range`), delete,
 * the app's upload limits (`GET`/`PATCH /app`), kept beside the data file across restarts.
 */
export const uploadsFeature: EmulatorFeature = {
  name: 'uploads',
  slices: [uploadsSlice],
  routes: [...uploadRoutes, ...uploadServingRoutes, ...appUploadSettingsRoutes],
  capabilities: (_context, caller, channel) =>
    canWriteChannel(caller, channel) ? ['upload-file'] : [],
  channelConfigFields: () => ({ uploads: true }),
  appFields: (context) => {
    const state = context.store.slice(uploadsSlice);
    return { file_upload_config: state.fileConfig, image_upload_config: state.imageConfig };
  },
  onStart: (services) => {
    const state = services.store.slice(uploadsSlice);
    if (attachUploadsFolder(state, services.uploadsFolder, services.log)) {
      services.store.changed();
    }
  },
};
