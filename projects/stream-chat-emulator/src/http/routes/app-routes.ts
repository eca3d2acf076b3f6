import { AppSettings } from '../../auth/app-settings';
import { channelConfig } from '../../responses/channel-responses';
import { extensionFields } from '../../responses/response-extensions';
import { channelTypeNames, findChannelType } from '../../store/channel-types';
import { JsonObject } from '../../protocol/body-fields';
import { RouteContext, RouteDefinition } from '../route-table';

/** Upload limits reported for files and images: no restriction. */
const OPEN_UPLOAD_CONFIG = {
  allowed_file_extensions: [],
  blocked_file_extensions: [],
  allowed_mime_types: [],
  blocked_mime_types: [],
  size_limit: 0,
};

/** `GET /app`: the app settings, with `disable_auth_checks` telling whether dev tokens work. */
function getApp(app: AppSettings, context: RouteContext): JsonObject {
  const configs: JsonObject = {};
  const createdAt = new Date(0).toISOString();
  for (const name of channelTypeNames()) {
    const type = findChannelType(name);
    if (type) {
      configs[name] = channelConfig(context.services, type, createdAt);
    }
  }
  return {
    app: {
      name: 'stream-chat-emulator',
      organization: 'local',
      disable_auth_checks: app.devTokens,
      disable_permissions_checks: false,
      guest_user_creation_disabled: false,
      multi_tenant_enabled: false,
      permission_version: 'v2',
      file_upload_config: OPEN_UPLOAD_CONFIG,
      image_upload_config: OPEN_UPLOAD_CONFIG,
      channel_configs: configs,
      policies: {},
      push_notifications: { version: 'v3', providers: [] },
      ...extensionFields(
        context.services.responseExtensions,
        (extension) => extension.appFields,
        context.services,
      ),
    },
  };
}

/**
 * App settings endpoint.
 * @param app the app's settings (`disable_auth_checks` tells whether dev tokens work).
 */
export function appRoutes(app: AppSettings): RouteDefinition[] {
  return [
    {
      method: 'GET',
      path: '/app',
      operation: 'GetApp',
      auth: 'caller',
      handle: (context) => getApp(app, context),
    },
  ];
}
